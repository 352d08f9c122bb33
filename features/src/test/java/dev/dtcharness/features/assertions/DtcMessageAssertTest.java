package dev.dtcharness.features.assertions;

import static dev.dtcharness.features.assertions.DtcAssertions.assertThat;
import static dev.dtcharness.features.assertions.DtcAssertions.assertThatThrownBy;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.message.OrderUpdate;
import dev.dtcharness.protocol.message.OrderUpdateView;
import org.junit.jupiter.api.Test;

/** Each message assertion passes on what the message holds and fails otherwise, showing the message. */
class DtcMessageAssertTest {
    private final DtcMessage update = DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "S1")
            .setEnum("OrderStatus", "ORDER_STATUS_OPEN").setEnum("OrderUpdateReason", "NEW_ORDER_ACCEPTED")
            .set("Price1", 4400.0).set("OrderQuantity", 2);

    @Test
    void passesOnWhatTheMessageHolds() {
        assertThat(update).isOfType("ORDER_UPDATE").isOfType(301).hasField("OrderStatus", 4)
                .hasField("OrderStatus", "ORDER_STATUS_OPEN").hasField("OrderUpdateReason", "NEW_ORDER_ACCEPTED")
                .hasField("Price1", 4400.0).hasField("OrderQuantity", 2).hasField("ServerOrderID", "S1")
                .hasNonEmptyField("ServerOrderID");
    }

    @Test
    void takesALentViewAsItTakesAnOwnedMessage() {
        OrderUpdateView lent = new OrderUpdate().setServerOrderID("S2").setOrderStatus(OrderStatus.FILLED);
        assertThat(lent).isOfType("ORDER_UPDATE").hasField("OrderStatus", "ORDER_STATUS_FILLED").hasField("ServerOrderID", "S2");
        assertThatThrownBy(() -> assertThat(lent).hasField("OrderStatus", 4)).isInstanceOf(AssertionError.class)
                .hasMessageEndingWith("to have OrderStatus 4 (ORDER_STATUS_OPEN), but it had 7 (ORDER_STATUS_FILLED)");
    }

    @Test
    void failsOnAnotherTypeShowingTheMessage() {
        assertThatThrownBy(() -> assertThat(update).isOfType("HEARTBEAT")).isInstanceOf(AssertionError.class)
                .hasMessage("Expected %s to be HEARTBEAT (3), but it is ORDER_UPDATE (301)", update);
        assertThatThrownBy(() -> assertThat(update).isOfType(3)).isInstanceOf(AssertionError.class)
                .hasMessage("Expected %s to be HEARTBEAT (3), but it is ORDER_UPDATE (301)", update);
    }

    @Test
    void failsOnAnotherEnumValueNamingBothConstants() {
        String expected = "Expected " + update + " to have OrderStatus 7 (ORDER_STATUS_FILLED), but it had 4 (ORDER_STATUS_OPEN)";
        assertThatThrownBy(() -> assertThat(update).hasField("OrderStatus", 7)).isInstanceOf(AssertionError.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> assertThat(update).hasField("OrderStatus", "ORDER_STATUS_FILLED"))
                .isInstanceOf(AssertionError.class).hasMessage(expected);
        assertThatThrownBy(() -> assertThat(update).hasField("OrderStatus", 99)).isInstanceOf(AssertionError.class)
                .hasMessageEndingWith("to have OrderStatus 99 (not in OrderStatusEnum), but it had 4 (ORDER_STATUS_OPEN)");
    }

    @Test
    void failsOnAnotherNumberOrText() {
        assertThatThrownBy(() -> assertThat(update).hasField("Price1", 4500.25)).isInstanceOf(AssertionError.class)
                .hasMessage("Expected %s to have Price1 4500.25, but it had 4400", update);
        assertThatThrownBy(() -> assertThat(update).hasField("ServerOrderID", "S2")).isInstanceOf(AssertionError.class)
                .hasMessage("Expected %s to have ServerOrderID \"S2\", but it had \"S1\"", update);
        assertThatThrownBy(() -> assertThat(update).hasNonEmptyField("InfoText")).isInstanceOf(AssertionError.class)
                .hasMessage("Expected %s to have some InfoText, but it had none", update);
    }

    @Test
    void neverShowsASecretFieldsValue() {
        DtcMessage logon = DtcMessage.of("LOGON_REQUEST").set("Username", "trader").set("Password", "s3cret");
        assertThatThrownBy(() -> assertThat(logon).hasField("Password", "guess")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have Password ***, but it had ***").hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("guess");
    }

    @Test
    void refusesAFieldOrConstantTheSpecDoesNotHaveAndAComparisonOfTheWrongKind() {
        assertThatThrownBy(() -> assertThat(update).hasField("Status", 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ORDER_UPDATE (301) has no field Status");
        assertThatThrownBy(() -> assertThat(update).hasField("OrderStatus", "FILLED"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OrderStatusEnum has no constant FILLED");
        assertThatThrownBy(() -> assertThat(update).hasField("ServerOrderID", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ORDER_UPDATE (301).ServerOrderID is char[");
        assertThatThrownBy(() -> assertThat(update).hasField("Price1", "4400")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ORDER_UPDATE (301).Price1 is double");
        assertThatThrownBy(() -> assertThat(update).isOfType("ORDER_UPDATES")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void putsTheDescriptionFirstAndRefusesANullMessage() {
        assertThatThrownBy(() -> assertThat(update).as("the fill").hasField("OrderStatus", 7))
                .isInstanceOf(AssertionError.class).hasMessageStartingWith("[the fill] Expected ORDER_UPDATE(301)");
        assertThatThrownBy(() -> assertThat((DtcMessage) null).isOfType("ORDER_UPDATE")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }
}

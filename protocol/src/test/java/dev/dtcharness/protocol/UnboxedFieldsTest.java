package dev.dtcharness.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.spec.FieldSpec;
import org.junit.jupiter.api.Test;

/** The primitive setters and field-handle accessors follow the same rules as {@code set(String, Object)}. */
class UnboxedFieldsTest {

    @Test
    void shouldStoreAnIntegerGivenToAFloatingPointFieldAsItsValue() {
        DtcMessage m = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("Quantity", 3L);
        assertThat(m.getDouble("Quantity")).isEqualTo(3.0);
        assertThat(m.get("Quantity")).isEqualTo(3.0);
    }

    @Test
    void shouldRefuseAnIntegerOutsideItsCType() {
        DtcMessage m = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER");
        assertThatThrownBy(() -> m.set("OrderType", 1L << 40))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SUBMIT_NEW_SINGLE_ORDER.OrderType").hasMessageContaining("is outside OrderTypeEnum (-2147483648 to 2147483647)");
        assertThat(m.isSet("OrderType")).isFalse();
    }

    @Test
    void shouldRefuseAFractionForAnIntegerField() {
        DtcMessage m = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER");
        assertThatThrownBy(() -> m.set("TimeInForce", 1.5))
                .hasMessageContaining("SUBMIT_NEW_SINGLE_ORDER.TimeInForce: 1.5 (expected: TimeInForceEnum integer)");
    }

    @Test
    void shouldRefuseANumberForAStringField() {
        DtcMessage m = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER");
        assertThatThrownBy(() -> m.set("Symbol", 5L)).hasMessageContaining("SUBMIT_NEW_SINGLE_ORDER.Symbol: 5 (expected: char[");
    }

    @Test
    void shouldRefuseAFieldHandleOfAnotherMessageType() {
        FieldSpec updateSymbol = DtcMessage.of("ORDER_UPDATE").spec().field("Symbol");
        DtcMessage order = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER");
        assertThatThrownBy(() -> order.set(updateSymbol, "ES"))
                .hasMessageContaining("Symbol is not a field of SUBMIT_NEW_SINGLE_ORDER (208)");
        assertThatThrownBy(() -> order.getString(updateSymbol)).hasMessageContaining("is not a field of");
    }

    @Test
    void shouldFindTheSameNamedFieldForAHandleOfAnotherMessageType() {
        FieldSpec updateSymbol = DtcMessage.of("ORDER_UPDATE").spec().field("Symbol");
        DtcMessage order = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("Symbol", "ES");
        FieldSpec own = order.spec().field(updateSymbol);
        assertThat(own).isNotSameAs(updateSymbol).isSameAs(order.spec().field("Symbol"));
        assertThat(order.getString(own)).isEqualTo("ES");
        assertThat(DtcMessage.of("ORDER_UPDATE").spec().field(updateSymbol)).isSameAs(updateSymbol);
    }

    @Test
    void shouldReadDefaultsUntilSetAndAgainOnceUnset() {
        DtcMessage m = DtcMessage.of("ORDER_UPDATE");
        FieldSpec price = m.spec().field("Price1");
        assertThat(m.getDouble(price)).isEqualTo(Double.MAX_VALUE);
        m.set(price, 4500.25);
        assertThat(m.getDouble(price)).isEqualTo(4500.25);
        assertThat(m.rawValueAt(price)).isEqualTo(4500.25);
        m.set("Price1", null);
        assertThat(m.isSet(price)).isFalse();
        assertThat(m.rawValueAt(price)).isNull();
        assertThat(m.getDouble("Price1")).isEqualTo(Double.MAX_VALUE);
    }

    @Test
    void shouldKeepStringsAndNumbersApartInTheirSlots() {
        DtcMessage m = DtcMessage.of("ORDER_UPDATE").set("Symbol", "ES").set("OrderQuantity", 2.0)
                .set("ServerOrderID", "S1").setEnum("OrderStatus", "ORDER_STATUS_FILLED");
        DtcMessage copy = m.copy().set("Symbol", "NQ");
        assertThat(m.getString("Symbol")).isEqualTo("ES");
        assertThat(copy.getString("Symbol")).isEqualTo("NQ");
        assertThat(copy.getString("ServerOrderID")).isEqualTo("S1");
        assertThat(copy.getDouble("OrderQuantity")).isEqualTo(2.0);
        assertThat(copy.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_FILLED");
        assertThat(m.toString()).contains("Symbol=ES", "ServerOrderID=S1", "OrderQuantity=2.0", "OrderStatus=7");
    }

    @Test
    void shouldCopyIntoAMessageOfTheSameSpecLeavingNothingOfWhatItHeld() {
        DtcMessage target = DtcMessage.of("ORDER_UPDATE").set("InfoText", "old").set("Price1", 1.0);
        DtcMessage m = DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "S1").set("OrderQuantity", 2.0);

        assertThat(m.copyTo(target)).isSameAs(target).isEqualTo(m);
        assertThat(target.isSet("InfoText")).isFalse();
        assertThat(target.isSet("Price1")).isFalse();
        assertThat(target.getString("ServerOrderID")).isEqualTo("S1");
        assertThatThrownBy(() -> m.copyTo(DtcMessage.of("POSITION_UPDATE")))
                .hasMessageContaining("expected: a message of the same spec");
    }

    @Test
    void shouldReadASetFieldAndElseWhatTheCallerGivesNotTheDefault() {
        DtcMessage m = DtcMessage.of("ORDER_UPDATE");
        FieldSpec price = m.spec().field("Price1");
        FieldSpec status = m.spec().field("OrderStatus");
        FieldSpec symbol = m.spec().field("Symbol");
        assertThat(m.doubleIfSet(price, -1)).isEqualTo(-1.0);
        assertThat(m.longIfSet(status, -1)).isEqualTo(-1L);
        assertThat(m.stringIfSet(symbol, "none")).isEqualTo("none");
        m.set(price, 4500.75).set(status, 7L).set(symbol, "ES");
        assertThat(m.doubleIfSet(price, -1)).isEqualTo(4500.75);
        assertThat(m.longIfSet(price, -1)).isEqualTo(4500L);
        assertThat(m.doubleIfSet(status, -1)).isEqualTo(7.0);
        assertThat(m.longIfSet(status, -1)).isEqualTo(7L);
        assertThat(m.stringIfSet(symbol, "none")).isEqualTo("ES");
        assertThatThrownBy(() -> m.doubleIfSet(symbol, 0)).hasMessageContaining("ORDER_UPDATE.Symbol is a string");
        assertThatThrownBy(() -> m.stringIfSet(price, "")).hasMessageContaining("ORDER_UPDATE.Price1 is double, not a string");
    }

    @Test
    void shouldReadByNameWhenTheHandleIsOfAnotherMessageType() {
        FieldSpec orderSymbol = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").spec().field("Symbol");
        FieldSpec orderQuantity = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").spec().field("Quantity");
        DtcMessage update = DtcMessage.of("ORDER_UPDATE").set("Symbol", "NQ");
        assertThat(update.stringIfSet(orderSymbol, "")).isEqualTo("NQ");
        assertThatThrownBy(() -> update.doubleIfSet(orderQuantity, 0)).hasMessageContaining("has no field Quantity");
    }
}

package dev.dtcharness.features.assertions;

import static dev.dtcharness.features.assertions.DtcAssertions.assertThat;
import static dev.dtcharness.features.assertions.DtcAssertions.assertThatThrownBy;

import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderHandle;
import dev.dtcharness.client.Side;
import dev.dtcharness.features.support.Exchange;
import dev.dtcharness.features.support.Trader;
import dev.dtcharness.protocol.DtcEncoding;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each order assertion passes on the order it describes and fails on another, naming the order and what it was. */
class OrderAssertTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Exchange EXCHANGE = new Exchange();
    private static final Trader TRADER = new Trader(EXCHANGE);
    /** A BUY 2 ES at 4400, resting. */
    private static Order open;
    /** The same order, filled at 4399.75. */
    private static Order filled;

    @BeforeAll
    static void placeAnOrderAndFillIt() {
        EXCHANGE.startLettingLimitOrdersRest();
        TRADER.logOn(DtcEncoding.BINARY_ENCODING);
        OrderHandle order = TRADER.placeLimit(Side.BUY, 2, "ES", 4400);
        open = order.awaitStatus("OPEN", WAIT);
        EXCHANGE.fillRemaining(order, 4399.75);
        filled = order.awaitStatus("FILLED", WAIT);
    }

    @AfterAll
    static void stop() {
        TRADER.dispose();
        EXCHANGE.dispose();
    }

    @Test
    void passesOnWhatTheOrderIs() {
        assertThat(filled).isFilled().at(4399.75).hasFilledQuantity(2).hasRemainingQuantity(0).hasQuantity(2)
                .hasLimitPrice(4400).hasSide(Side.BUY).hasSymbol("ES").hasStatus("ORDER_STATUS_FILLED");
        assertThat(open).isOpen().hasStatus("OPEN").hasFilledQuantity(0).hasRemainingQuantity(2);
    }

    @Test
    void failsOnAnotherStatusSayingWhichOrderAndWhatItWas() {
        assertThatThrownBy(() -> assertThat(open).isFilled()).isInstanceOf(AssertionError.class)
                .hasMessage("Expected order %s to be FILLED, but it was OPEN (%s)", id(open), open.describe());
        assertThatThrownBy(() -> assertThat(filled).isCanceled()).isInstanceOf(AssertionError.class)
                .hasMessage("Expected order %s to be CANCELED, but it was FILLED (%s)", id(filled), filled.describe());
        assertThatThrownBy(() -> assertThat(filled).isOpen()).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected order " + id(filled) + " to be OPEN, but it was FILLED");
    }

    @Test
    void failsOnAnotherFillPriceOrOnNothingFilled() {
        assertThatThrownBy(() -> assertThat(filled).at(4400)).isInstanceOf(AssertionError.class)
                .hasMessage("Expected order %s to be filled at 4400, but it was filled at 4399.75 on average (%s)",
                        id(filled), filled.describe());
        assertThatThrownBy(() -> assertThat(open).at(4400)).isInstanceOf(AssertionError.class)
                .hasMessage("Expected order %s to be filled at 4400, but nothing of it was filled (%s)", id(open),
                        open.describe());
    }

    @Test
    void failsOnOtherQuantitiesSayingWhatTheyWere() {
        assertThatThrownBy(() -> assertThat(filled).hasFilledQuantity(1)).isInstanceOf(AssertionError.class)
                .hasMessage("Expected order %s to have 1 filled, but it had 2 filled (%s)", id(filled), filled.describe());
        assertThatThrownBy(() -> assertThat(open).hasRemainingQuantity(0)).isInstanceOf(AssertionError.class)
                .hasMessage("Expected order %s to have 0 remaining, but it had 2 remaining (%s)", id(open), open.describe());
        assertThatThrownBy(() -> assertThat(open).hasQuantity(1.5)).isInstanceOf(AssertionError.class)
                .hasMessage("Expected order %s to be for 1.5, but it was for 2 (%s)", id(open), open.describe());
    }

    @Test
    void failsOnAnotherPriceSideOrSymbol() {
        assertThatThrownBy(() -> assertThat(open).hasLimitPrice(4401.5)).isInstanceOf(AssertionError.class)
                .hasMessage("Expected order %s to have the limit price 4401.5, but its limit price was 4400 (%s)",
                        id(open), open.describe());
        assertThatThrownBy(() -> assertThat(open).hasSide(Side.SELL)).isInstanceOf(AssertionError.class)
                .hasMessage("Expected order %s to be a SELL, but it was a BUY (%s)", id(open), open.describe());
        assertThatThrownBy(() -> assertThat(open).hasSymbol("NQ")).isInstanceOf(AssertionError.class)
                .hasMessage("Expected order %s to be in NQ, but it was in ES (%s)", id(open), open.describe());
    }

    @Test
    void putsTheDescriptionFirstAndRefusesANullOrder() {
        assertThatThrownBy(() -> assertThat(open).as("the book's entry").isFilled()).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("[the book's entry] Expected order " + id(open) + " to be FILLED");
        assertThatThrownBy(() -> assertThat((Order) null).isFilled()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void refusesAStatusTheSpecDoesNotHave() {
        assertThatThrownBy(() -> assertThat(filled).hasStatus("DONE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrderStatusEnum has no constant ORDER_STATUS_DONE");
    }

    private static String id(Order o) {
        return o.clientOrderId() + "/" + o.serverOrderId();
    }
}

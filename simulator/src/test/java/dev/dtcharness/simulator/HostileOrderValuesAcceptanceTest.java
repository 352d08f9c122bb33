package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.SimulatorAcceptanceTest.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.exchange.OrderView;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values a market cannot have are refused with InfoText naming the field and why: NaN, the
 * infinities, 1e308, DBL_MAX (which means "not set" in binary) where a value is required, a negative
 * price, an unknown TimeInForce. Sent in binary, which carries any double, over a real socket.
 */
class HostileOrderValuesAcceptanceTest {
    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
            .fillPolicy(FillPolicy.REST_LIMIT_ORDERS).acceptVariant(AcceptVariant.OPEN).build());

    @AfterEach
    void stop() {
        simulator.close();
    }

    private WireClient client() {
        return new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn();
    }

    private WireClient json() {
        WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING);
        client.send(SimulatorAcceptanceTest.encodingRequest(DtcEncoding.JSON_ENCODING));
        client.receive("ENCODING_RESPONSE");
        client.switchTo(DtcEncoding.JSON_ENCODING);
        return client.logOn();
    }

    /** Field, value (a TimeInForce as a whole number), and what InfoText must say. */
    static Stream<Arguments> hostileValues() {
        return Stream.of(
                Arguments.of("Quantity", Double.NaN, "Quantity is NaN"),
                Arguments.of("Quantity", Double.POSITIVE_INFINITY, "Quantity is Infinity"),
                Arguments.of("Quantity", Double.NEGATIVE_INFINITY, "Quantity is -Infinity"),
                Arguments.of("Quantity", 1e308, "Quantity is 1.0E308 (expected: more than 0, at most 1e9)"),
                Arguments.of("Quantity", Double.MAX_VALUE, "Quantity is DBL_MAX, i.e. not set"),
                Arguments.of("Quantity", -1.0, "Quantity is -1.0 (expected: more than 0"),
                Arguments.of("Price1", Double.NaN, "Price1 is NaN"),
                Arguments.of("Price1", Double.POSITIVE_INFINITY, "Price1 is Infinity"),
                Arguments.of("Price1", Double.NEGATIVE_INFINITY, "Price1 is -Infinity"),
                Arguments.of("Price1", 1e308, "Price1 is 1.0E308 (expected: a price of at least 0, at most 1e9)"),
                Arguments.of("Price1", Double.MAX_VALUE, "Price1 is DBL_MAX, i.e. not set"),
                Arguments.of("Price1", -4400.0, "Price1 is -4400.0 (expected: a price of at least 0"),
                Arguments.of("TimeInForce", 99.0, "TimeInForce is 99 (expected: TimeInForceEnum"));
    }

    private static DtcMessage with(DtcMessage m, String field, double value) {
        return field.equals("TimeInForce") ? m.set(field, (long) value) : m.set(field, value);
    }

    @ParameterizedTest(name = "new order {0} = {1}")
    @MethodSource("hostileValues")
    void shouldRejectANewOrderWithAValueNoMarketHas(String field, double value, String infoText) {
        try (WireClient client = client()) {
            client.send(with(limitOrder("H-1", "BUY", 2, 4400), field, value));
            DtcMessage reject = client.receive("ORDER_UPDATE");
            assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
            assertThat(reject.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_REJECTED");
            assertThat(reject.getString("ClientOrderID")).isEqualTo("H-1");
            assertThat(reject.getString("InfoText")).contains(infoText);
            assertThat(simulator.exchange().orders()).isEmpty();

            // The ClientOrderID of a refused order is not used up: the corrected order is taken.
            client.send(limitOrder("H-1", "BUY", 2, 4400));
            assertThat(client.receive("ORDER_UPDATE").enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_ACCEPTED");
        }
    }

    @ParameterizedTest(name = "cancel/replace {0} = {1}")
    @MethodSource("hostileValues")
    void shouldRejectAReplaceWithAValueNoMarketHasAndKeepTheOrder(String field, double value, String infoText) {
        try (WireClient client = client()) {
            client.send(limitOrder("H-2", "SELL", 2, 4600));
            String id = client.receive("ORDER_UPDATE").getString("ServerOrderID");
            OrderView before = simulator.exchange().workingOrder("H-2");

            client.send(with(DtcMessage.of("CANCEL_REPLACE_ORDER").set("ServerOrderID", id).set("ClientOrderID", "H-2")
                    .set("Quantity", 3).set("Price1", 4590.0).set("Price2IsSet", 0), field, value));
            DtcMessage reject = client.receive("ORDER_UPDATE");
            assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("ORDER_CANCEL_REPLACE_REJECTED");
            assertThat(reject.enumName("OrderStatus")).as("the order keeps working").isEqualTo("ORDER_STATUS_OPEN");
            assertThat(reject.getString("InfoText")).contains(infoText);
            assertThat(simulator.exchange().workingOrder("H-2")).as("nothing of the replace applied").isEqualTo(before);
        }
    }

    @Test
    void shouldRejectANonFiniteNumberInAFieldTheExchangeDoesNotOtherwiseRead() {
        try (WireClient client = client()) {
            client.send(limitOrder("HF-1", "BUY", 2, 4400).set("MaxShowQuantity", Double.NaN));
            DtcMessage reject = client.receive("ORDER_UPDATE");
            assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
            assertThat(reject.getString("InfoText")).contains("MaxShowQuantity is NaN (expected: a finite number)");

            client.send(limitOrder("HF-2", "BUY", 2, 4400));
            String id = client.receive("ORDER_UPDATE").getString("ServerOrderID");
            client.send(DtcMessage.of("CANCEL_REPLACE_ORDER").set("ServerOrderID", id).set("Quantity", 3)
                    .set("Price1IsSet", 0).set("Price2IsSet", 0).set("Price2", Double.POSITIVE_INFINITY));
            DtcMessage replace = client.receive("ORDER_UPDATE");
            assertThat(replace.enumName("OrderUpdateReason")).isEqualTo("ORDER_CANCEL_REPLACE_REJECTED");
            assertThat(replace.getString("InfoText")).contains("Price2 is Infinity (expected: a finite number)");
        }
    }

    @Test
    void shouldRejectAnOcoLegWithAnInfinitePriceWithTwoRejects() {
        try (WireClient client = client()) {
            client.send(DtcMessage.of("SUBMIT_NEW_OCO_ORDER").set("Symbol", "ES").set("TradeAccount", "Sim1")
                    .set("ClientOrderID_1", "HO-1").setEnum("OrderType_1", "ORDER_TYPE_LIMIT").setEnum("BuySell_1", "SELL")
                    .set("Price1_1", 4600.0).set("Quantity_1", 1)
                    .set("ClientOrderID_2", "HO-2").setEnum("OrderType_2", "ORDER_TYPE_STOP").setEnum("BuySell_2", "SELL")
                    .set("Price1_2", Double.NEGATIVE_INFINITY).set("Quantity_2", 1));
            for (int i = 0; i < 2; i++) {
                DtcMessage reject = client.receive("ORDER_UPDATE");
                assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
                assertThat(reject.getString("InfoText")).contains("leg 2: Price1 is -Infinity");
            }
            assertThat(simulator.exchange().orders()).isEmpty();
        }
    }

    @Test
    void shouldRejectAJsonOrderWhoseQuantityOverflowsToInfinity() {
        try (WireClient client = json()) {
            client.sendRaw("{\"Type\":208,\"Symbol\":\"ES\",\"TradeAccount\":\"Sim1\",\"ClientOrderID\":\"HJ-1\","
                    + "\"OrderType\":2,\"BuySell\":1,\"Price1\":4400,\"Quantity\":1e400,\"TimeInForce\":1}\0");
            DtcMessage reject = client.receive("ORDER_UPDATE");
            assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
            assertThat(reject.getString("InfoText")).contains("Quantity is Infinity");
        }
    }

    /** What Python's json.dumps writes for float('nan') and float('inf'): bare tokens, not JSON numbers. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"Price1, NaN", "Price1, Infinity", "Quantity, -Infinity"})
    void shouldRejectAJsonOrderWithABareNonFiniteTokenAndKeepTheSession(String field, String token) {
        try (WireClient client = json()) {
            String price = field.equals("Price1") ? token : "4400";
            String quantity = field.equals("Quantity") ? token : "1";
            client.sendRaw("{\"Type\":208,\"Symbol\":\"ES\",\"TradeAccount\":\"Sim1\",\"ClientOrderID\":\"HB-1\","
                    + "\"OrderType\":2,\"BuySell\":1,\"Price1\":" + price + ",\"Quantity\":" + quantity
                    + ",\"TimeInForce\":1}\0");
            DtcMessage reject = client.receiveUntil(m -> m.is("ORDER_UPDATE"));
            assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
            assertThat(reject.getString("InfoText")).contains(field + " is " + token);
            client.send(limitOrder("HB-2", "BUY", 1, 4400));
            assertThat(client.receiveUntil(m -> m.is("ORDER_UPDATE")).getString("ClientOrderID"))
                    .as("the session goes on").isEqualTo("HB-2");
        }
    }

    @Test
    void shouldRejectAJsonLimitOrderWithoutAPriceAndAStopLimitWithoutItsLimit() {
        try (WireClient client = json()) {
            client.send(limitOrder("HP-2", "BUY", 1, 4400).set("Price1", null));
            DtcMessage noPrice = client.receive("ORDER_UPDATE");
            assertThat(noPrice.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
            assertThat(noPrice.getString("InfoText")).contains("Price1 is not set (expected: the price of an ORDER_TYPE_LIMIT");
            client.send(limitOrder("HP-3", "BUY", 1, 4400).setEnum("OrderType", "ORDER_TYPE_STOP_LIMIT"));
            DtcMessage noLimit = client.receive("ORDER_UPDATE");
            assertThat(noLimit.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
            assertThat(noLimit.getString("InfoText")).contains("Price2 is not set");
        }
    }
}

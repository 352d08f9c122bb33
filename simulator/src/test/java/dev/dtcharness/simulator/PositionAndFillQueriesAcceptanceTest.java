package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.SimulatorAcceptanceTest.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A flat position is said (FACTS.md 3.5: Sierra Chart sends {@code Quantity: 0}, JSON clients read
 * {@code .get("Quantity")}), and HISTORICAL_ORDER_FILLS_REQUEST from a start in the future lists no fill.
 */
class PositionAndFillQueriesAcceptanceTest {
    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
            .fillPolicy(FillPolicy.FILL_AT_ONCE).acceptVariant(AcceptVariant.OPEN).build());

    @AfterEach
    void stop() {
        simulator.close();
    }

    private WireClient json() {
        WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING);
        client.send(SimulatorAcceptanceTest.encodingRequest(DtcEncoding.JSON_ENCODING));
        client.receive("ENCODING_RESPONSE");
        client.switchTo(DtcEncoding.JSON_ENCODING);
        return client.logOn();
    }

    @Test
    void shouldSayQuantity0InJsonWhenAFillLeavesThePositionFlat() {
        try (WireClient client = json()) {
            client.send(limitOrder("Q-1", "BUY", 1, 4400));
            DtcMessage opened = client.receive("POSITION_UPDATE");
            assertThat(opened.getDouble("Quantity")).isEqualTo(1);

            client.send(limitOrder("Q-2", "SELL", 1, 4410));
            DtcMessage flat = client.receive("POSITION_UPDATE");
            // A JSON field left out reads as unset here: the decoder saw "Quantity":0 in the text.
            assertThat(flat.isSet("Quantity")).as("Quantity written, not left to the default").isTrue();
            assertThat(flat.getDouble("Quantity")).isZero();
            assertThat(flat.getLong("Unsolicited")).isEqualTo(1);
            assertThat(flat.getString("TradeAccount")).isEqualTo("Sim1");
        }
    }

    @ParameterizedTest(name = "StartDateTime {0}")
    @ValueSource(longs = {4_102_444_800L /* 2100-01-01 */, Long.MAX_VALUE / 1000 + 1, Long.MAX_VALUE})
    void shouldListNoFillForAStartInTheFuture(long startDateTime) {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(limitOrder("F-1", "BUY", 1, 4400));
            client.receive("POSITION_UPDATE");

            client.send(DtcMessage.of("HISTORICAL_ORDER_FILLS_REQUEST").set("RequestID", 5).set("TradeAccount", "Sim1")
                    .set("StartDateTime", 1L));
            DtcMessage past = client.receive("HISTORICAL_ORDER_FILL_RESPONSE");
            assertThat(past.getString("UniqueExecutionID")).as("a start in the past lists the fill").isNotEmpty();

            client.send(DtcMessage.of("HISTORICAL_ORDER_FILLS_REQUEST").set("RequestID", 6).set("TradeAccount", "Sim1")
                    .set("StartDateTime", startDateTime));
            DtcMessage none = client.receive("HISTORICAL_ORDER_FILL_RESPONSE");
            assertThat(none.getInt("RequestID")).isEqualTo(6);
            assertThat(none.getLong("NoOrderFills")).isEqualTo(1);
            assertThat(none.getInt("TotalNumberMessages")).isEqualTo(1);
            assertThat(none.getString("UniqueExecutionID")).isEmpty();
        }
    }
}

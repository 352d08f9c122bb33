package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The simulator over a real loopback socket, seen by a plain DTC peer that knows only the wire. */
class SimulatorAcceptanceTest {
    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().build());

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest
    @EnumSource(value = DtcEncoding.class, names = {"BINARY_ENCODING", "JSON_ENCODING"})
    void shouldFillALimitOrderWithTheSpecSequence(DtcEncoding encoding) {
        try (WireClient client = negotiated(encoding).logOn()) {
            client.send(limitOrder("A-1", "BUY", 2, 4500.25));

            List<DtcMessage> updates = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                updates.add(client.receive("ORDER_UPDATE"));
            }
            assertThat(updates).extracting(u -> u.enumName("OrderStatus")).containsExactly(
                    "ORDER_STATUS_PENDING_OPEN", "ORDER_STATUS_OPEN", "ORDER_STATUS_FILLED");
            assertThat(updates).extracting(u -> u.enumName("OrderUpdateReason")).containsExactly(
                    "NEW_ORDER_ACCEPTED", "GENERAL_ORDER_UPDATE", "ORDER_FILLED");
            assertThat(updates).extracting(u -> u.getString("ClientOrderID")).containsOnly("A-1");
            String serverOrderId = updates.get(0).getString("ServerOrderID");
            assertThat(serverOrderId).isNotEmpty();
            assertThat(updates).extracting(u -> u.getString("ServerOrderID")).containsOnly(serverOrderId);
            assertThat(updates).extracting(u -> u.getDouble("OrderQuantity")).containsOnly(2.0);
            assertThat(updates).extracting(u -> u.getDouble("FilledQuantity")).containsExactly(0.0, 0.0, 2.0);
            assertThat(updates).extracting(u -> u.getDouble("RemainingQuantity")).containsExactly(2.0, 2.0, 0.0);

            DtcMessage fill = updates.get(2);
            assertThat(fill.getInt("OrderStatus")).as("FILLED is 7 in DTC v8").isEqualTo(7);
            assertThat(fill.getDouble("AverageFillPrice")).isEqualTo(4500.25);
            assertThat(fill.getDouble("LastFillPrice")).isEqualTo(4500.25);
            assertThat(fill.getDouble("LastFillQuantity")).isEqualTo(2.0);
            assertThat(fill.getString("LastFillExecutionID")).isNotEmpty();
            assertThat(updates.get(0).getDouble("AverageFillPrice")).as("unset (DBL_MAX) before a fill")
                    .isEqualTo(Double.MAX_VALUE);

            DtcMessage position = client.receive("POSITION_UPDATE");
            assertThat(position.getDouble("Quantity")).isEqualTo(2.0);
            assertThat(position.getLong("Unsolicited")).isEqualTo(1);
        }
    }

    @Test
    void shouldServeAClientThatStartsStraightWithJson() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.JSON_ENCODING).logOn()) {
            client.send(limitOrder("J-1", "SELL", 1, 99.5));
            DtcMessage fill = client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7);
            assertThat(fill.getString("ClientOrderID")).isEqualTo("J-1");
            assertThat(fill.getDouble("AverageFillPrice")).isEqualTo(99.5);
        }
    }

    @Test
    void shouldRenegotiateLaterInTheSessionAnsweringInTheEncodingCurrentAtThatMoment() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(encodingRequest(DtcEncoding.JSON_ENCODING));
            assertThat(client.receive("ENCODING_RESPONSE").getLong("Encoding")).as("answered in binary")
                    .isEqualTo(DtcEncoding.JSON_ENCODING.code());
            client.switchTo(DtcEncoding.JSON_ENCODING);
            client.send(limitOrder("RE-1", "BUY", 1, 10));
            assertThat(client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7)
                    .getString("ClientOrderID")).isEqualTo("RE-1");

            // Back to binary: the request goes out in JSON, and the answer comes in JSON too (FACTS.md 1.7 step 6).
            client.send(encodingRequest(DtcEncoding.BINARY_ENCODING));
            assertThat(client.receive("ENCODING_RESPONSE").getLong("Encoding")).as("answered in JSON")
                    .isEqualTo(DtcEncoding.BINARY_ENCODING.code());
            client.switchTo(DtcEncoding.BINARY_ENCODING);
            client.send(limitOrder("RE-2", "BUY", 1, 10));
            assertThat(client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getString("ClientOrderID").equals("RE-2")
                    && m.getInt("OrderStatus") == 7).getDouble("FilledQuantity")).isEqualTo(1.0);
        }
    }

    @Test
    void shouldAnswerAnEncodingItDoesNotServeWithTheCurrentOne() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING)) {
            client.send(encodingRequest(DtcEncoding.PROTOCOL_BUFFERS));
            DtcMessage response = client.receive("ENCODING_RESPONSE");
            assertThat(response.getLong("Encoding")).isEqualTo(DtcEncoding.BINARY_ENCODING.code());
            client.logOn();
        }
    }

    @Test
    void shouldAcknowledgeWithOpenStraightAwayWhenSoConfigured() {
        try (DtcSimulator openFirst = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
                .acceptVariant(AcceptVariant.OPEN).build());
             WireClient client = new WireClient(openFirst.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(limitOrder("O-1", "BUY", 1, 10));
            DtcMessage first = client.receive("ORDER_UPDATE");
            assertThat(first.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_OPEN");
            assertThat(first.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_ACCEPTED");
            assertThat(client.receive("ORDER_UPDATE").enumName("OrderStatus")).isEqualTo("ORDER_STATUS_FILLED");
        }
    }

    @Test
    void shouldLogOnWithSuccessAndTradingSupportedAndSendHeartbeatsAtTheAskedInterval() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING)) {
            client.send(DtcMessage.of("LOGON_REQUEST").set("ProtocolVersion", 8).set("HeartbeatIntervalInSeconds", 1));
            DtcMessage response = client.receive("LOGON_RESPONSE");
            assertThat(response.enumName("Result")).isEqualTo("LOGON_SUCCESS");
            assertThat(response.getLong("TradingIsSupported")).isEqualTo(1);
            assertThat(client.receive().name()).as("first message after logon, with 1 s interval").isEqualTo("HEARTBEAT");
        }
    }

    @Test
    void shouldRejectAReusedClientOrderIdSayingWhy() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(limitOrder("DUP", "BUY", 1, 1));
            client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7);
            client.send(limitOrder("DUP", "BUY", 1, 1));
            DtcMessage reject = client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") != 7);
            assertThat(reject.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_REJECTED");
            assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
            assertThat(reject.getString("InfoText")).contains("ClientOrderID DUP was already used");
        }
    }

    private WireClient negotiated(DtcEncoding encoding) {
        WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING);
        if (encoding != DtcEncoding.BINARY_ENCODING) {
            client.send(encodingRequest(encoding));
            DtcMessage response = client.receive("ENCODING_RESPONSE");
            assertThat(response.getLong("Encoding")).isEqualTo(encoding.code());
            client.switchTo(encoding);
        }
        return client;
    }

    static DtcMessage encodingRequest(DtcEncoding encoding) {
        return DtcMessage.of("ENCODING_REQUEST").set("ProtocolVersion", 8).set("Encoding", encoding.code())
                .set("ProtocolType", "DTC");
    }

    static DtcMessage limitOrder(String clientOrderId, String side, double quantity, double price) {
        return DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("Symbol", "ES").set("TradeAccount", "Sim1")
                .set("ClientOrderID", clientOrderId).setEnum("OrderType", "ORDER_TYPE_LIMIT").setEnum("BuySell", side)
                .set("Price1", price).set("Quantity", quantity).setEnum("TimeInForce", "TIF_DAY");
    }
}

package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.SimulatorAcceptanceTest.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.BinaryFormat;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A client that breaks DTC v8 is told how, in-protocol, and its session goes on; the journal keeps it all. */
class ConformanceAcceptanceTest {
    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().build());

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void shouldTellAClientPlacingOrdersWithType300WhatItMeant() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.JSON_ENCODING).logOn()) {
            client.sendRaw("{\"Type\":300,\"Symbol\":\"ESZ6\",\"BuySell\":\"BUY\",\"Quantity\":1,\"RequestID\":5}\0");

            DtcMessage told = client.receive("GENERAL_LOG_MESSAGE");
            assertThat(told.getString("MessageText")).isEqualTo("type 300 is OPEN_ORDERS_REQUEST; to submit an order "
                    + "send SUBMIT_NEW_SINGLE_ORDER (208) (Symbol, BuySell, Quantity)");
            DtcMessage answer = client.receive();
            assertThat(answer.name()).as("one GENERAL_LOG_MESSAGE for the three fields").isEqualTo("ORDER_UPDATE");
            assertThat(answer.getInt("RequestID")).as("the request is still answered as what it is").isEqualTo(5);
            assertThat(answer.getLong("NoOrders")).isEqualTo(1);
            assertThat(simulator.journal().findings()).anyMatch(f -> f.contains("OPEN_ORDERS_REQUEST (300).Symbol"));

            client.send(limitOrder("OK-1", "BUY", 1, 10));
            assertThat(client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7)
                    .getString("ClientOrderID")).as("the session goes on").isEqualTo("OK-1");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DtcEncoding.class, names = {"BINARY_ENCODING", "BINARY_WITH_VARIABLE_LENGTH_STRINGS"})
    void shouldTellABinaryClientCancelingWithType302WhatItMeant(DtcEncoding encoding) {
        // A binary frame's values are checked on the codec's message, not by the tap that reads the bytes.
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING)) {
            client.send(SimulatorAcceptanceTest.encodingRequest(encoding));
            assertThat(client.receive("ENCODING_RESPONSE").getLong("Encoding")).isEqualTo(encoding.code());
            client.switchTo(encoding);
            client.logOn();
            client.send(DtcMessage.of("OPEN_ORDERS_REJECT").set("RequestID", 1));

            assertThat(client.receive("GENERAL_LOG_MESSAGE").getString("MessageText")).isEqualTo("type 302 is "
                    + "OPEN_ORDERS_REJECT; to cancel an order send CANCEL_ORDER (203), to modify it CANCEL_REPLACE_ORDER (204)");
            client.send(limitOrder("BIN-1", "SELL", 1, 10).set("BuySell", 3));
            assertThat(client.receive("GENERAL_LOG_MESSAGE").getString("MessageText"))
                    .startsWith("SUBMIT_NEW_SINGLE_ORDER (208).BuySell: 3 (expected: BuySellEnum");
            assertThat(simulator.journal().findings()).hasSize(2);

            client.send(limitOrder("BIN-2", "BUY", 1, 10));
            assertThat(client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7)
                    .getString("ClientOrderID")).as("the session goes on").isEqualTo("BIN-2");
        }
    }

    @Test
    void shouldSayNothingToAConformingClient() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(limitOrder("C-1", "BUY", 1, 10));
            client.receiveUntil(m -> m.is("POSITION_UPDATE"));
            assertThat(simulator.journal().findings()).isEmpty();
            assertThat(simulator.journal().entries()).noneMatch(e -> e.message() != null
                    && e.message().is("GENERAL_LOG_MESSAGE"));
        }
    }

    @Test
    void shouldNameTheShortFrameAmongWholeOnesArrivingInOneRead() {
        BinaryFormat binary = new BinaryFormat(DtcSpec.v8());
        ByteBuf wire = Unpooled.buffer();
        binary.encode(limitOrder("W-1", "BUY", 1, 10), wire);
        // An older client's order: its frame ends before the fields a later version added.
        int start = wire.writerIndex();
        binary.encode(limitOrder("W-2", "BUY", 1, 10), wire);
        int shortSize = DtcSpec.v8().message("SUBMIT_NEW_SINGLE_ORDER").field("OpenOrClose").offset();
        wire.writerIndex(start + shortSize);
        wire.setShortLE(start, shortSize);
        binary.encode(limitOrder("W-3", "BUY", 1, 10), wire);
        byte[] bytes = new byte[wire.readableBytes()];
        wire.readBytes(bytes);
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.sendRaw(bytes);
            List<String> filled = new ArrayList<>();
            while (filled.size() < 3) {
                filled.add(client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7).getString("ClientOrderID"));
            }
            assertThat(filled).containsExactly("W-1", "W-2", "W-3");
            assertThat(simulator.journal().findings()).singleElement().asString()
                    .contains("SUBMIT_NEW_SINGLE_ORDER").contains("Size").contains(String.valueOf(shortSize));
        }
    }

    @Test
    void shouldVerifyWhatAClientSentAndExplainANearMiss() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            client.send(DtcMessage.of("CANCEL_ORDER").set("ServerOrderID", "S9").set("ClientOrderID", "ORD-2"));
            client.receive("ORDER_UPDATE");

            assertThat(simulator.journal().verify().received("CANCEL_ORDER").with("ClientOrderID", "ORD-2")
                    .within(Duration.ofSeconds(2)).sessionId()).isEqualTo(1);
            assertThat(simulator.journal().verify().sent("ORDER_UPDATE")
                    .with("OrderUpdateReason", "ORDER_CANCEL_REJECTED").now().message().getString("ClientOrderID"))
                    .isEqualTo("ORD-2");
            assertThatThrownBy(() -> simulator.journal().verify().received("CANCEL_ORDER")
                    .with("ClientOrderID", "ORD-1").within(Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("received CANCEL_ORDER with {ClientOrderID=ORD-1} within 100 ms")
                    .hasMessageContaining("Near misses")
                    .hasMessageContaining("ClientOrderID was \"ORD-2\", expected \"ORD-1\"");
        }
    }

    @Test
    void shouldKeepTheJournalBounded() {
        try (DtcSimulator small = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().journalCapacity(5).build());
             WireClient client = new WireClient(small.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            for (int i = 0; i < 3; i++) {
                client.send(limitOrder("J-" + i, "BUY", 1, 10));
                client.receive("POSITION_UPDATE");
            }
            assertThat(small.journal().entries()).hasSize(5);
            assertThat(small.journal().entries().get(4).message().name()).isEqualTo("POSITION_UPDATE");
        }
    }
}

package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.BinaryFormat;
import dev.dtcharness.protocol.codec.DtcFraming;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One session, one encoding: a client that starts straight with JSON reads nothing but JSON from the first
 * byte on, on a plain socket and over WebSocket, even when its logon carries fields v8 does not have (older
 * headers call {@code Unused1} {@code TradeMode}; browser apps add {@code Hostname}), which the simulator
 * points out to it before the logon is answered.
 */
class OneEncodingAcceptanceTest {
    private static final String LOGON = "{\"Type\":1,\"ProtocolVersion\":8,\"HeartbeatIntervalInSeconds\":10,"
            + "\"ClientName\":\"journal-app\",\"TradeMode\":1,\"Hostname\":\"desk-7\"}";

    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
            .fillPolicy(FillPolicy.REST_LIMIT_ORDERS).tradeAccounts("SIM1").build());
    private JsonPeer client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        simulator.close();
    }

    private JsonPeer connect(String transport) {
        IntFunction<JsonPeer> open = "websocket".equals(transport) ? BrowserJsonClient::new : RawJsonClient::new;
        client = open.apply(simulator.port());
        return client;
    }

    @ParameterizedTest
    @ValueSource(strings = {"socket", "websocket"})
    void shouldTellAJsonFirstClientAboutItsExtraLogonFieldsInJson(String transport) {
        JsonPeer peer = connect(transport);
        peer.send(LOGON);

        assertThat(peer.receive(2).path("Result").asInt()).as("logged on all the same").isEqualTo(1);
        assertThat(peer.received()).filteredOn(m -> m.path("Type").asInt() == 701)
                .extracting(m -> m.path("MessageText").asText()).as("told before the logon is answered")
                .anyMatch(text -> text.contains("TradeMode")).anyMatch(text -> text.contains("Hostname"));
        assertThat(peer.violations()).as("every byte the simulator sent is JSON").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"socket", "websocket"})
    void shouldServeAJsonFirstClientAWholeOrderLifecycleInJsonOnly(String transport) {
        JsonPeer peer = connect(transport);
        peer.send(LOGON);
        assertThat(peer.receive(2).path("Result").asInt()).isEqualTo(1);

        peer.send(order("life-1", 4500.25));
        JsonNode open = peer.receive(m -> isUpdate(m, "life-1") && m.path("OrderStatus").asInt() == 4, Duration.ofSeconds(5));
        simulator.exchange().fill(open.path("ServerOrderID").asText());
        assertThat(peer.receive(m -> isUpdate(m, "life-1") && m.path("OrderStatus").asInt() == 7, Duration.ofSeconds(5))
                .path("AverageFillPrice").asDouble()).isEqualTo(4500.25);

        peer.send(order("life-2", 4400));
        JsonNode resting = peer.receive(m -> isUpdate(m, "life-2") && m.path("OrderStatus").asInt() == 4, Duration.ofSeconds(5));
        peer.send("{\"Type\":203,\"ServerOrderID\":\"" + resting.path("ServerOrderID").asText()
                + "\",\"ClientOrderID\":\"life-2\"}");
        assertThat(peer.receive(m -> isUpdate(m, "life-2") && m.path("OrderStatus").asInt() == 8, Duration.ofSeconds(5))
                .path("OrderUpdateReason").asInt()).as("ORDER_CANCELED").isEqualTo(6);

        peer.send("{\"Type\":300,\"RequestID\":11,\"TradeAccount\":\"SIM1\"}");
        assertThat(answer(peer, 301, 11).path("NoOrders").asInt()).as("no order left working").isEqualTo(1);
        peer.send("{\"Type\":305,\"RequestID\":12,\"TradeAccount\":\"SIM1\"}");
        assertThat(answer(peer, 306, 12).path("Quantity").asDouble()).isEqualTo(1.0);
        peer.send("{\"Type\":303,\"RequestID\":13,\"TradeAccount\":\"SIM1\",\"NumberOfDays\":1}");
        assertThat(answer(peer, 304, 13).path("Price").asDouble()).isEqualTo(4500.25);
        peer.send("{\"Type\":400,\"RequestID\":14}");
        assertThat(answer(peer, 401, 14).path("TradeAccount").asText()).isEqualTo("SIM1");
        peer.send("{\"Type\":601,\"RequestID\":15,\"TradeAccount\":\"SIM1\"}");
        assertThat(answer(peer, 600, 15).path("TradeAccount").asText()).isEqualTo("SIM1");

        assertThat(peer.violations()).as("not one frame that is not JSON").isEmpty();
    }

    @Test
    void shouldNeverPutBytesThatAreNotUtf8InAWebSocketTextFrame() {
        JsonPeer peer = connect("websocket");
        peer.send(LOGON);
        peer.receive(2);
        simulator.faults().sendGarbage(1, 64);
        // Random bytes are not UTF-8: they arrive as what they are, a binary frame, and the socket stays up.
        await().atMost(Duration.ofSeconds(5)).until(() -> !peer.violations().isEmpty());

        peer.send(order("after-garbage", 4500));
        assertThat(peer.receive(m -> isUpdate(m, "after-garbage") && m.path("OrderStatus").asInt() == 4,
                Duration.ofSeconds(5))).isNotNull();
        assertThat(peer.violations()).containsExactly("a binary frame of 64 bytes");
    }

    @Test
    void shouldServeBinaryDtcOverWebSocketInBinaryFramesOnly() {
        // FACTS.md 1.6: an ENCODING_REQUEST over WebSocket is binary; a session that stays binary gets binary frames.
        BinaryFormat binary = new BinaryFormat(DtcSpec.v8());
        ByteBuf received = Unpooled.buffer();
        List<String> texts = new CopyOnWriteArrayList<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                URI.create("ws://127.0.0.1:" + simulator.port() + "/"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
                        synchronized (received) {
                            received.writeBytes(data);
                        }
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        texts.add(data.toString());
                        socket.request(1);
                        return null;
                    }
                }).join();
        try {
            ws.sendBinary(encoded(binary, SimulatorAcceptanceTest.encodingRequest(DtcEncoding.BINARY_ENCODING)), true).join();
            ws.sendBinary(encoded(binary, DtcMessage.of("LOGON_REQUEST").set("ProtocolVersion", 8)
                    .set("HeartbeatIntervalInSeconds", 10).set("ClientName", "binary-ws")), true).join();
            List<String> names = new ArrayList<>();
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                synchronized (received) {
                    for (Object m; (m = binary.decodeNext(received, DtcFraming.DEFAULT_MAX_FRAME)) != null; ) {
                        names.add(((DtcMessage) m).name());
                    }
                }
                return names.contains("LOGON_RESPONSE");
            });
            assertThat(names).startsWith("ENCODING_RESPONSE", "LOGON_RESPONSE");

            // A frame whose last byte is not 0 (RequestID 0x01000001, little-endian) gets no NUL added: in binary
            // that would be a stray byte, and the next frame would be misread.
            List<Long> answered = new ArrayList<>();
            ws.sendBinary(encoded(binary, DtcMessage.of("TRADE_ACCOUNTS_REQUEST").set("RequestID", 0x01000001)), true).join();
            ws.sendBinary(encoded(binary, DtcMessage.of("TRADE_ACCOUNTS_REQUEST").set("RequestID", 2)), true).join();
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                synchronized (received) {
                    for (Object m; (m = binary.decodeNext(received, DtcFraming.DEFAULT_MAX_FRAME)) != null; ) {
                        if (((DtcMessage) m).is("TRADE_ACCOUNT_RESPONSE")) {
                            answered.add(((DtcMessage) m).getLong("RequestID"));
                        }
                    }
                }
                return answered.contains(2L);
            });
            assertThat(answered).containsExactly(0x01000001L, 2L);
            assertThat(texts).as("no binary DTC in a text frame").isEmpty();
        } finally {
            ws.abort();
            received.release();
        }
    }

    private static ByteBuffer encoded(BinaryFormat binary, DtcMessage m) {
        ByteBuf out = Unpooled.buffer();
        try {
            binary.writeFrame(m, out);
            return ByteBuffer.wrap(ByteBufUtil.getBytes(out));
        } finally {
            out.release();
        }
    }

    private static JsonNode answer(JsonPeer peer, int type, int requestId) {
        return peer.receive(m -> m.path("Type").asInt() == type && m.path("RequestID").asInt() == requestId,
                Duration.ofSeconds(5));
    }

    private static boolean isUpdate(JsonNode m, String clientOrderId) {
        return m.path("Type").asInt() == 301 && m.path("ClientOrderID").asText().equals(clientOrderId);
    }

    private static String order(String clientOrderId, double price) {
        return "{\"Type\":208,\"Symbol\":\"ES\",\"TradeAccount\":\"SIM1\",\"ClientOrderID\":\"" + clientOrderId
                + "\",\"OrderType\":2,\"BuySell\":1,\"Price1\":" + price + ",\"Quantity\":1,\"TimeInForce\":1}";
    }
}

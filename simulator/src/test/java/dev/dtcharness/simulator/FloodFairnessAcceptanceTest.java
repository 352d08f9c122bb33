package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.WireFormats;
import dev.dtcharness.simulator.session.PassBudget;
import dev.dtcharness.simulator.session.Session;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.ResourceLeakDetector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A client that floods OPEN_ORDERS_REQUEST (each answered with one ORDER_UPDATE per working order)
 * and a well-behaved one on the same simulator, over real sockets: the well-behaved client is answered
 * while the flood waits, the simulator keeps the flood's unread answers bounded, and the flood gets
 * every answer, in order, once it reads. The round trips figures are the benchmark's (FloodFairnessBenchmark).
 */
class FloodFairnessAcceptanceTest {
    private static final int WORKING_ORDERS = 200;
    /** 400,000 answers, 288 MB in binary: enough that holding them all would show, few enough to read in a test. */
    private static final int FLOOD_REQUESTS = 2_000;
    private static final int ROUND_TRIPS = 10;
    /** The outbound limit (1 MiB), one pass's answers and the codec's unwritten batch, with room to spare. */
    private static final long PENDING_BOUND = 4L << 20;
    /** Generous on purpose: this checks the well-behaved client is served, the benchmark measures how fast. */
    private static final Duration ROUND_TRIP_BOUND = Duration.ofSeconds(5);

    private DtcSimulator simulator = start(1);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final Logger simulatorLog = (Logger) LoggerFactory.getLogger("dev.dtcharness.simulator");
    private Level logLevel;
    private ResourceLeakDetector.Level leakLevel;

    private static DtcSimulator start(int ioThreads) {
        return DtcSimulator.start(SimulatorConfig.builder().dynamicPort().ioThreads(ioThreads)
                .fillPolicy(FillPolicy.REST_LIMIT_ORDERS).acceptVariant(AcceptVariant.OPEN).build());
    }

    @BeforeEach
    void quiet() {
        // Full speed: no line per request and per answer, no leak-tracking stack trace per buffer.
        logLevel = simulatorLog.getLevel();
        leakLevel = ResourceLeakDetector.getLevel();
        simulatorLog.setLevel(Level.WARN);
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }

    @AfterEach
    void stop() throws InterruptedException {
        sampler.shutdownNow();
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        simulator.close();
        simulatorLog.setLevel(logLevel);
        ResourceLeakDetector.setLevel(leakLevel);
    }

    /**
     * With two session loops the exchange runs on the first and the first session lands on the second:
     * the flood's answers then come back from the exchange's loop after its requests were handed over.
     */
    @ParameterizedTest(name = "{0} session loop(s)")
    @ValueSource(ints = {1, 2})
    void aFloodingClientGetsABoundedShareAndEveryAnswerInOrder(int ioThreads) throws Exception {
        if (ioThreads != 1) {
            simulator.close();
            simulator = start(ioThreads);
        }
        String account = simulator.config().exchange().tradeAccounts().get(0);
        for (int i = 0; i < WORKING_ORDERS; i++) {
            simulator.exchange().placeElsewhere(account, "ES", "BUY", 1, 4000 + i);
        }
        try (WireClient flood = loggedOn("flood"); WireClient quiet = loggedOn("quiet")) {
            Channel floodChannel = sessionOf("flood").pipeline().channel();
            AtomicLong maxPending = new AtomicLong();
            sampler.scheduleAtFixedRate(() -> maxPending.accumulateAndGet(pendingBytes(floodChannel), Math::max),
                    0, 2, TimeUnit.MILLISECONDS);
            Future<?> writer = threads.submit(() -> flood.sendRaw(openOrdersRequests(FLOOD_REQUESTS)));

            // The flood does not read: the simulator answers what fits in its outbound limit, then waits.
            AtomicLong last = new AtomicLong(-1);
            await("the simulator has done what it can for a peer that does not read").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        long now = pendingBytes(floodChannel);
                        return now > 0 && last.getAndSet(now) == now;
                    });
            roundTrips(quiet, "A");
            assertThat(maxPending.get()).as("bytes waiting for the flood, which does not read").isLessThan(PENDING_BOUND);

            // The flood reads: every request answered, in order, while the well-behaved client keeps being served.
            Future<Integer> reader = threads.submit(() -> readAnswersInOrder(flood));
            roundTrips(quiet, "B");
            assertThat(reader.isDone()).as("the well-behaved client was served while the flood was still being answered")
                    .isFalse();
            assertThat(reader.get(120, TimeUnit.SECONDS)).isEqualTo(FLOOD_REQUESTS * WORKING_ORDERS);
            writer.get(10, TimeUnit.SECONDS);
            assertThat(maxPending.get()).as("bytes waiting for the flood while it read").isLessThan(PENDING_BOUND);
            PassBudget budget = floodChannel.pipeline().get(PassBudget.class);
            if (budget != null) {
                assertThat(budget.peakPendingBytes()).as("the most the flood's outbound buffer held")
                        .isLessThan(PENDING_BOUND);
                assertThat(budget.pauses()).as("the flood gave the loop up").isPositive();
            }
        }
    }

    /**
     * Over WebSocket each request is a frame of its own, and every frame of a read reaches the codec as a
     * buffer of its own: those that arrive while the session waits for its next turn are held, in order.
     */
    @Test
    void aWebSocketFloodIsAnsweredInOrderAcrossItsTurns() {
        int workingOrders = 20;
        int requests = 200;
        String account = simulator.config().exchange().tradeAccounts().get(0);
        for (int i = 0; i < workingOrders; i++) {
            simulator.exchange().placeElsewhere(account, "ES", "BUY", 1, 4000 + i);
        }
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + simulator.port() + "/"), new JsonFrames(received)).join();
        try {
            socket.sendText("{\"Type\":1,\"ProtocolVersion\":8,\"HeartbeatIntervalInSeconds\":30,"
                    + "\"ClientName\":\"ws-flood\"}\0", true).join();
            await().atMost(Duration.ofSeconds(5)).until(() -> received.stream().anyMatch(m -> m.path("Type").asInt() == 2));
            for (int i = 1; i <= requests; i++) {
                socket.sendText("{\"Type\":300,\"RequestID\":" + i + ",\"RequestAllOrders\":1}\0", true).join();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> answers(received).size() >= requests * workingOrders);
            List<JsonNode> answers = answers(received);
            assertThat(answers).hasSize(requests * workingOrders);
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).path("RequestID").asInt()).as("answer %d", i + 1).isEqualTo(i / workingOrders + 1);
                assertThat(answers.get(i).path("MessageNumber").asInt()).as("answer %d", i + 1)
                        .isEqualTo(i % workingOrders + 1);
            }
            PassBudget budget = sessionOf("ws-flood").pipeline().get(PassBudget.class);
            assertThat(budget).as("the session's share of the loop").isNotNull();
            assertThat(budget.pauses()).as("turns given up").isPositive();
        } finally {
            socket.abort();
        }
    }

    private static List<JsonNode> answers(List<JsonNode> received) {
        return received.stream().filter(m -> m.path("Type").asInt() == 301).toList();
    }

    /** One JSON message per text frame, as the simulator sends them over WebSocket. */
    private record JsonFrames(List<JsonNode> into, StringBuilder partial) implements WebSocket.Listener {
        private static final ObjectMapper JSON = new ObjectMapper();

        JsonFrames(List<JsonNode> into) {
            this(into, new StringBuilder());
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    into.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException("not one JSON message per frame: " + partial, e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    private WireClient loggedOn(String name) {
        WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING);
        DtcMessage response = client.tryLogOn(DtcMessage.of("LOGON_REQUEST").set("ProtocolVersion", 8)
                .set("HeartbeatIntervalInSeconds", 30).set("ClientName", name));
        assertThat(response.enumName("Result")).isEqualTo("LOGON_SUCCESS");
        return client;
    }

    private Session sessionOf(String clientName) {
        return await().atMost(Duration.ofSeconds(5)).until(
                () -> simulator.sessions().all().stream().filter(s -> s.clientName().equals(clientName)).findFirst()
                        .orElse(null), s -> s != null);
    }

    /** Market orders one at a time, each answered FILLED within the generous bound. */
    private void roundTrips(WireClient quiet, String phase) {
        for (int i = 1; i <= ROUND_TRIPS; i++) {
            String id = phase + "-" + i;
            long start = System.nanoTime();
            quiet.send(DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("Symbol", "NQ").set("ClientOrderID", id)
                    .setEnum("OrderType", "ORDER_TYPE_MARKET").setEnum("BuySell", "BUY").set("Quantity", 1));
            DtcMessage filled = quiet.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getString("ClientOrderID").equals(id)
                    && m.enumName("OrderStatus").equals("ORDER_STATUS_FILLED"));
            assertThat(filled.getDouble("FilledQuantity")).isEqualTo(1.0);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("round trip of %s", id)
                    .isLessThan(ROUND_TRIP_BOUND);
        }
    }

    /** Every answer, checked against the order the requests went in: RequestID 1..n, each MessageNumber 1..200. */
    private static int readAnswersInOrder(WireClient flood) {
        int read = 0;
        for (int request = 1; request <= FLOOD_REQUESTS; request++) {
            for (int n = 1; n <= WORKING_ORDERS; n++) {
                DtcMessage m = flood.receiveUntil(x -> !x.is("HEARTBEAT"));
                assertThat(m.name()).isEqualTo("ORDER_UPDATE");
                assertThat(m.getInt("RequestID")).as("answer %d", read + 1).isEqualTo(request);
                assertThat(m.getInt("MessageNumber")).as("answer %d", read + 1).isEqualTo(n);
                assertThat(m.getInt("TotalNumMessages")).isEqualTo(WORKING_ORDERS);
                read++;
            }
        }
        return read;
    }

    static byte[] openOrdersRequests(int count) {
        ByteBuf out = Unpooled.buffer();
        try {
            for (int i = 1; i <= count; i++) {
                WireFormats.of(DtcEncoding.BINARY_ENCODING).writeFrame(
                        DtcMessage.of("OPEN_ORDERS_REQUEST").set("RequestID", i).set("RequestAllOrders", 1), out);
            }
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    private static long pendingBytes(Channel channel) {
        ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        return out == null ? 0 : out.totalPendingWriteBytes();
    }
}

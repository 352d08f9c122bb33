package dev.dtcharness.client;

import static dev.dtcharness.client.DtcClientTest.fill;
import static dev.dtcharness.client.DtcClientTest.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.client.store.OrderHistoryDb;
import dev.dtcharness.client.store.StateFile;
import dev.dtcharness.client.track.Position;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.JsonFormat;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server that breaks the rules: fills beyond the order, fills at prices no market has, one
 * execution id with two contents. Each is named (a WARN or ERROR line with the order and the fields)
 * and counted, and what the fill listeners heard, the history database and the state file hold agree,
 * read back from disk after the client closed.
 */
class RuleBreakingServerTest extends AgainstFakeServer {
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** A price the JSON of a bad fill carries until the test puts the hostile text in its place. */
    private static final double MARK = 12345.678;

    @TempDir
    Path dir;
    private final List<Fill> heard = new CopyOnWriteArrayList<>();
    private final List<DtcMessage> updatesHeard = new CopyOnWriteArrayList<>();
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = new LogCapture();
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void shouldRecordAnOverfillAsTheServerReportsItAndNameItAsAViolation() {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                peer.send(update(m, "S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0));
                peer.send(fill(update(m, "S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 1), 100, "E1"));
                // Two more on an order of two: three filled.
                peer.send(fill(update(m, "S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 3), 101, "E2").set("LastFillQuantity", 2)
                        .set("AverageFillPrice", 302.0 / 3).set("RemainingQuantity", 0));
            }
        });
        start(DtcEncoding.BINARY_ENCODING);
        OrderHandle order = client.submit(OrderRequest.limit("ES", Side.BUY, 2, 101));

        await().atMost(WAIT).until(() -> order.current().updateCount() == 3);

        assertThat(order.current().filledQuantity()).as("the server's word: money moved").isEqualTo(3);
        assertThat(order.current().remainingQuantity()).isZero();
        assertThat(client.problems().violationCount(ProtocolViolation.OVERFILL)).isEqualTo(1);
        assertThat(client.problems().violationCount()).isEqualTo(1);
        assertThat(logs.problems()).singleElement().asString().startsWith("ERROR protocol violation (filled beyond")
                .contains(order.clientOrderId() + "/S1", "FilledQuantity 3", "OrderQuantity 2", "fill E2 of 2 at 101.0");
        assertThat(client.problems().recentViolations()).singleElement().asString().startsWith("OVERFILL ");
        assertListenersHistoryAndStateAgree(List.of("E1 BUY 1.0 @ 100.0 S1", "E2 BUY 2.0 @ 101.0 S1"));
        assertThat(snapshotInHistory(order.clientOrderId()).filledQuantity()).isEqualTo(3);
    }

    /** How a hostile server sends a fill price no market has. */
    enum BadPrice {
        NAN_IN_BINARY(DtcEncoding.BINARY_ENCODING, ProtocolViolation.NON_FINITE_VALUE, "ERROR", "LastFillPrice=NaN"),
        INFINITY_IN_BINARY(DtcEncoding.BINARY_ENCODING, ProtocolViolation.NON_FINITE_VALUE, "ERROR", "LastFillPrice=Infinity"),
        /** A JSON number too large for a double: it reads as Infinity. */
        INFINITY_IN_JSON(DtcEncoding.JSON_ENCODING, ProtocolViolation.NON_FINITE_VALUE, "ERROR", "LastFillPrice=Infinity"),
        MINUS_INFINITY_IN_JSON(DtcEncoding.JSON_ENCODING, ProtocolViolation.NON_FINITE_VALUE, "ERROR", "LastFillPrice=-Infinity"),
        /** JSON has no NaN number: a Jackson server writes the string "NaN", which no double field accepts. */
        NAN_IN_JSON(DtcEncoding.JSON_ENCODING, ProtocolViolation.UNREADABLE_FIELD, "ERROR", "LastFillPrice: \"NaN\""),
        /** Python's json.dumps writes a NaN float as the bare token NaN (not JSON, but what such a server sends). */
        BARE_NAN_IN_JSON(DtcEncoding.JSON_ENCODING, ProtocolViolation.NON_FINITE_VALUE, "ERROR", "LastFillPrice=NaN"),
        /** And an infinite one as the bare token Infinity. */
        BARE_INFINITY_IN_JSON(DtcEncoding.JSON_ENCODING, ProtocolViolation.NON_FINITE_VALUE, "ERROR",
                "LastFillPrice=Infinity"),
        /** No price at all: neither LastFillPrice nor AverageFillPrice (the history's price column is NOT NULL). */
        NONE(DtcEncoding.BINARY_ENCODING, ProtocolViolation.FILL_WITHOUT_PRICE, "ERROR", "fill E2 of 1 without a price");

        final DtcEncoding encoding;
        final ProtocolViolation violation;
        final String level;
        final String named;

        BadPrice(DtcEncoding encoding, ProtocolViolation violation, String level, String named) {
            this.encoding = encoding;
            this.violation = violation;
            this.level = level;
            this.named = named;
        }

        /** Sends the second fill of {@code order} at this bad price; its average a finite one, which must not stand in for it. */
        void send(DtcMessage order, FakeServer.Peer peer) {
            DtcMessage bad = fill(update(order, "S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 2), 100.25, "E2")
                    .set("LastFillQuantity", 1);
            switch (this) {
                case NAN_IN_BINARY, NAN_IN_JSON -> peer.send(bad.set("LastFillPrice", Double.NaN));
                case INFINITY_IN_BINARY -> peer.send(bad.set("LastFillPrice", Double.POSITIVE_INFINITY));
                case INFINITY_IN_JSON -> sendJson(peer, bad.set("LastFillPrice", MARK), "1e400");
                case MINUS_INFINITY_IN_JSON -> sendJson(peer, bad.set("LastFillPrice", MARK), "-1e400");
                case BARE_NAN_IN_JSON -> sendJson(peer, bad.set("LastFillPrice", MARK), "NaN");
                case BARE_INFINITY_IN_JSON -> sendJson(peer, bad.set("LastFillPrice", MARK), "Infinity");
                case NONE -> peer.send(bad.set("LastFillPrice", null).set("AverageFillPrice", null));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BadPrice.class)
    void shouldRefuseAFillAtANonFinitePriceSoNoListenerHistoryOrPositionSeesIt(BadPrice bad) {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                peer.send(update(m, "S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0));
                peer.send(fill(update(m, "S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 1), 100, "E1"));
                bad.send(m, peer);
                // The server corrects itself under the same execution id: the refused fill was never counted, so this one is.
                peer.send(fill(update(m, "S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 2), 101, "E2").set("LastFillQuantity", 1)
                        .set("AverageFillPrice", 100.5));
            }
        });
        start(bad.encoding);
        OrderHandle order = client.submit(OrderRequest.limit("ES", Side.BUY, 2, 101));

        // The correction comes after the bad fill: once it is counted, the bad one has been judged.
        await().atMost(WAIT).until(() -> order.fills().size() == 2);

        assertThat(client.problems().violationCount(bad.violation)).isEqualTo(1);
        assertThat(logs.problems()).filteredOn(l -> l.contains("protocol violation")).singleElement().asString()
                .startsWith(bad.level + " protocol violation").contains(order.clientOrderId() + "/S1", bad.named);
        assertThat(logs.anyStackTrace()).isFalse();
        assertThat(order.current().statusName()).isEqualTo("ORDER_STATUS_FILLED");
        assertThat(order.current().averageFillPrice()).isEqualTo(100.5);
        assertThat(client.positions().position("Sim1", "ES")).satisfies(p -> {
            assertThat(p.quantity()).isEqualTo(2);
            assertThat(p.averagePrice()).isEqualTo(100.5);
        });
        assertListenersHistoryAndStateAgree(List.of("E1 BUY 1.0 @ 100.0 S1", "E2 BUY 1.0 @ 101.0 S1"));
    }

    @Test
    void shouldRefuseNonFiniteQuantitiesAndPositionsWithoutLettingThemReachAnyReader() {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                peer.send(update(m, "S1", "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0).set("OrderQuantity", Double.NaN)
                        .set("Price1", Double.POSITIVE_INFINITY).set("RemainingQuantity", Double.NEGATIVE_INFINITY));
                peer.send(position(1, 100));
                peer.send(position(Double.NaN, 100));
                peer.send(position(1, Double.POSITIVE_INFINITY));
                // The fill's own price and quantity are sound: only the average, not read for it, is refused.
                peer.send(fill(update(m, "S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 2), 99, "E1")
                        .set("AverageFillPrice", Double.NaN));
            }
        });
        start(DtcEncoding.BINARY_ENCODING);
        List<DtcMessage> positionsHeard = new CopyOnWriteArrayList<>();
        client.onMessage("POSITION_UPDATE", positionsHeard::add);
        client.onMessage("ORDER_UPDATE", updatesHeard::add);
        OrderHandle order = client.submit(OrderRequest.limit("ES", Side.BUY, 2, 99.5));

        // Message listeners run after the book: the last of them has heard the fill once both updates are in.
        await().atMost(WAIT).until(() -> order.current().isFilled() && updatesHeard.size() == 2);

        assertThat(client.problems().violationCount(ProtocolViolation.NON_FINITE_VALUE)).isEqualTo(4);
        assertThat(logs.problems()).filteredOn(l -> l.contains("protocol violation")).satisfiesExactly(
                l -> assertThat(l).startsWith("WARN").contains("ORDER_UPDATE for order " + order.clientOrderId() + "/S1",
                        "Price1=Infinity", "OrderQuantity=NaN", "RemainingQuantity=-Infinity"),
                l -> assertThat(l).startsWith("WARN").contains("POSITION_UPDATE for ES, Sim1", "Quantity=NaN",
                        "the whole update is refused"),
                l -> assertThat(l).startsWith("WARN").contains("POSITION_UPDATE for ES, Sim1", "AveragePrice=Infinity"),
                l -> assertThat(l).startsWith("WARN").contains("ORDER_UPDATE for order " + order.clientOrderId() + "/S1",
                        "execution E1", "AverageFillPrice=NaN").doesNotContain("not counted"));
        assertThat(order.current().averageFillPrice()).as("the counted fill's").isEqualTo(99);
        assertThat(order.current().orderQuantity()).as("the submitted quantity stands").isEqualTo(2);
        assertThat(order.current().price1()).isEqualTo(99.5);
        assertThat(positionsHeard).as("refused whole: no listener hears them").hasSize(1);
        assertThat(client.positions().serverPosition("Sim1", "ES")).hasValueSatisfying(p -> {
            assertThat(p.quantity()).isEqualTo(1);
            assertThat(p.averagePrice()).isEqualTo(100);
        });
        FieldSpec[] numbers = DtcSpec.v8().message("ORDER_UPDATE").fields().stream()
                .filter(f -> f.kind().isFloatingPoint()).toArray(FieldSpec[]::new);
        assertThat(updatesHeard).hasSize(2).allSatisfy(u -> {
            for (FieldSpec f : numbers) {
                assertThat(u.doubleIfSet(f, 0)).as(f.name()).isFinite();
            }
        });
        assertListenersHistoryAndStateAgree(List.of("E1 BUY 2.0 @ 99.0 S1"));
    }

    @Test
    void shouldKeepTheFirstOfOneExecutionIdWithTwoContentsAndNameBoth() {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER") && m.getDouble("Quantity") == 2) {
                peer.send(fill(update(m, "S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 1), 100, "E1"));
                // E1 again, at another price and quantity.
                peer.send(fill(update(m, "S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 1), 101, "E1"));
            } else if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                // E1 once more, as it first was, but for another order: the first version is only in the history now.
                peer.send(fill(update(m, "S2", "ORDER_STATUS_FILLED", "ORDER_FILLED", 1), 100, "E1"));
            }
        });
        start(DtcEncoding.BINARY_ENCODING);
        OrderHandle first = client.submit(OrderRequest.limit("ES", Side.BUY, 2, 101));
        await().atMost(WAIT).until(() -> first.current().updateCount() == 2);
        OrderHandle second = client.submit(OrderRequest.limit("ES", Side.BUY, 1, 101));
        await().atMost(WAIT).until(() -> second.current().updateCount() == 1);

        assertThat(client.problems().violationCount(ProtocolViolation.CONFLICTING_EXECUTION)).isEqualTo(2);
        assertThat(logs.problems()).filteredOn(l -> l.contains("protocol violation")).satisfiesExactly(
                l -> assertThat(l).startsWith("ERROR").contains("execution E1", "another price",
                        "first BUY 1 ES at 100.0 for order " + first.clientOrderId() + "/S1",
                        "now BUY 1 ES at 101.0 for order " + first.clientOrderId() + "/S1"),
                l -> assertThat(l).startsWith("ERROR").contains("execution E1", "another order",
                        "first BUY 1 ES at 100.0 for order " + first.clientOrderId() + "/S1",
                        "now BUY 1 ES at 100.0 for order " + second.clientOrderId() + "/S2"));
        assertThat(first.fills()).extracting(Fill::price).containsExactly(100.0);
        assertThat(second.fills()).isEmpty();
        assertListenersHistoryAndStateAgree(List.of("E1 BUY 1.0 @ 100.0 S1"));
    }

    @Test
    void shouldCountAnExecutionIdSentTwiceAlikeOnceAndCallItNoViolation() {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                DtcMessage partial = fill(update(m, "S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 1), 100, "E1");
                peer.send(partial);
                peer.send(partial.copy());
                peer.send(fill(update(m, "S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 2), 102, "E2").set("LastFillQuantity", 1)
                        .set("AverageFillPrice", 101));
            }
        });
        start(DtcEncoding.JSON_ENCODING);
        OrderHandle order = client.submit(OrderRequest.limit("ES", Side.BUY, 2, 102));

        await().atMost(WAIT).until(() -> order.current().updateCount() == 3);

        assertThat(client.problems().violationCount()).isZero();
        assertThat(client.problems().warningCount() + client.problems().errorCount()).isZero();
        assertThat(logs.lines()).anySatisfy(l -> assertThat(l).startsWith("INFO").contains("fill E1 already counted"));
        assertListenersHistoryAndStateAgree(List.of("E1 BUY 1.0 @ 100.0 S1", "E2 BUY 1.0 @ 102.0 S1"));
    }

    @Test
    void shouldJudgeHistoricalFillsAsItJudgesOrderUpdates() {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                peer.send(fill(update(m, "S1", "ORDER_STATUS_PARTIALLY_FILLED", "ORDER_FILLED_PARTIALLY", 1), 100, "E1")
                        .set("TradeAccount", "Sim1").setEnum("BuySell", "BUY"));
            } else if (m.is("OPEN_ORDERS_REQUEST")) {
                peer.send(DtcMessage.of("ORDER_UPDATE").set("RequestID", m.getLong("RequestID")).set("NoOrders", 1)
                        .set("TotalNumMessages", 1).set("MessageNumber", 1));
            } else if (m.is("HISTORICAL_ORDER_FILLS_REQUEST")) {
                long request = m.getLong("RequestID");
                // E1 at another price than its ORDER_UPDATE said, E2 at a price no market has, E3 as it should be.
                peer.send(historicalFill(request, 1, "E1", 1, 100.5));
                peer.send(historicalFill(request, 2, "E2", 1, Double.NaN));
                peer.send(historicalFill(request, 3, "E3", 2, 99));
            }
        });
        client = new DtcClient(DtcClientConfig.builder().port(server.port()).historyDatabase(dir.resolve("history.db"))
                .stateFile(dir.resolve("state.json")).build());
        client.onFill((f, o) -> heard.add(f));
        client.connect();
        OrderHandle order = client.submit(OrderRequest.limit("ES", Side.BUY, 2, 101));
        await().atMost(WAIT).until(() -> order.fills().size() == 1);
        server.dropClients();
        // After the reconnect the client reconciles: open orders (none), then the day's fills.
        await().atMost(WAIT).until(() -> client.reconciliations() == 1);

        assertThat(client.problems().violationCount(ProtocolViolation.CONFLICTING_EXECUTION)).isEqualTo(1);
        assertThat(client.problems().violationCount(ProtocolViolation.NON_FINITE_VALUE)).isEqualTo(1);
        assertThat(client.problems().violationCount(ProtocolViolation.OVERFILL)).as("1 + 2 of an order of 2").isEqualTo(1);
        assertThat(logs.problems()).filteredOn(l -> l.contains("protocol violation")).satisfiesExactly(
                l -> assertThat(l).startsWith("ERROR").contains("execution E1 came again in HISTORICAL_ORDER_FILL_RESPONSE",
                        "another price", "at 100.0 for order " + order.clientOrderId() + "/S1", "now BUY 1 ES at 100.5 for order -/S1"),
                l -> assertThat(l).startsWith("ERROR").contains("HISTORICAL_ORDER_FILL_RESPONSE for order -/S1 (ES, Sim1, execution E2)",
                        "Price=NaN", "not counted"),
                l -> assertThat(l).startsWith("ERROR").contains(order.clientOrderId() + "/S1", "FilledQuantity 3", "fill E3 of 2"));
        assertListenersHistoryAndStateAgree(List.of("E1 BUY 1.0 @ 100.0 S1", "E3 BUY 2.0 @ 99.0 S1"));
    }

    private static DtcMessage historicalFill(long request, int number, String executionId, double quantity, double price) {
        return DtcMessage.of("HISTORICAL_ORDER_FILL_RESPONSE").set("RequestID", request).set("TotalNumberMessages", 3)
                .set("MessageNumber", number).set("Symbol", "ES").set("TradeAccount", "Sim1").set("ServerOrderID", "S1")
                .setEnum("BuySell", "BUY").set("Quantity", quantity).set("Price", price).set("UniqueExecutionID", executionId)
                .set("DateTime", 1_700_000_000L);
    }

    private void start(DtcEncoding encoding) {
        client = new DtcClient(DtcClientConfig.builder().port(server.port()).encoding(encoding)
                .historyDatabase(dir.resolve("history.db")).stateFile(dir.resolve("state.json")).build());
        client.onFill((f, o) -> heard.add(f));
        client.connect();
    }

    /**
     * Closes the client, then reads the history database and the state file from disk: the fills the
     * listeners heard are the history's, and the state file's position is the one they make.
     */
    private void assertListenersHistoryAndStateAgree(List<String> expected) {
        client.close();
        client = null;
        List<Fill> recorded;
        try (OrderHistoryDb db = new OrderHistoryDb(dir.resolve("history.db"))) {
            recorded = db.fills();
        }
        StateFile.State state = new StateFile(dir.resolve("state.json")).read();
        assertThat(heard).extracting(RuleBreakingServerTest::words).as("fills the listeners heard").containsExactlyElementsOf(expected);
        assertThat(recorded).extracting(RuleBreakingServerTest::words).as("fills in the history").containsExactlyElementsOf(expected);
        Position folded = Position.flat("Sim1", "ES");
        for (Fill f : heard) {
            folded = folded.plus(f.signedQuantity(), f.price());
        }
        Position made = folded;
        assertThat(state.positions()).as("the state file's position").singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualTo(made.quantity());
            assertThat(p.averagePrice()).isEqualTo(made.averagePrice());
            assertThat(p.realisedPnl()).isEqualTo(made.realisedPnl());
        });
    }

    private Order snapshotInHistory(String clientOrderId) {
        try (OrderHistoryDb db = new OrderHistoryDb(dir.resolve("history.db"))) {
            return db.orders().stream().filter(o -> o.clientOrderId().equals(clientOrderId)).findFirst().orElseThrow();
        }
    }

    private static String words(Fill f) {
        return f.executionId() + " " + f.side() + " " + f.quantity() + " @ " + f.price() + " " + f.serverOrderId();
    }

    private static DtcMessage position(double quantity, double averagePrice) {
        return DtcMessage.of("POSITION_UPDATE").set("Symbol", "ES").set("TradeAccount", "Sim1").set("Quantity", quantity)
                .set("AveragePrice", averagePrice);
    }

    /** Writes {@code m} as JSON with the {@link #MARK} price replaced by {@code text}: bytes no DtcMessage would encode. */
    private static void sendJson(FakeServer.Peer peer, DtcMessage m, String text) {
        ByteBuf out = Unpooled.buffer();
        new JsonFormat(DtcSpec.v8()).encode(m, out);
        String json = out.toString(StandardCharsets.UTF_8);
        out.release();
        assertThat(json).contains(Double.toString(MARK));
        byte[] bytes = (json.replace(Double.toString(MARK), text) + "\0").getBytes(StandardCharsets.UTF_8);
        peer.channel().writeAndFlush(Unpooled.wrappedBuffer(bytes));
    }
}

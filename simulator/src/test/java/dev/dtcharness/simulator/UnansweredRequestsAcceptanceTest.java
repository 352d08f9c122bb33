package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.conformance.Direction;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Nothing a client may send goes unanswered: before logon, a second logon, market data, every type of the spec. */
class UnansweredRequestsAcceptanceTest {
    /**
     * Types the spec has no answer for: HEARTBEAT is sent by both sides on their own schedule, never echoed
     * (FACTS.md 2.4); after LOGOFF the receiver "must not expect further messages" and the connection closes
     * (FACTS.md 2.5).
     */
    private static final Set<String> NO_ANSWER_IN_THE_SPEC = Set.of("HEARTBEAT", "LOGOFF");

    // Findings are answers of their own: off, so that only the simulator's answer to each request counts.
    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort()
            .conformanceReplies(false).build());

    @AfterEach
    void stop() {
        simulator.close();
    }

    static Stream<Arguments> tradingRequestsAndTheirRejects() {
        List<Arguments> cases = new ArrayList<>();
        for (DtcEncoding encoding : List.of(DtcEncoding.BINARY_ENCODING, DtcEncoding.JSON_ENCODING)) {
            cases.add(Arguments.of(encoding, SimulatorAcceptanceTest.limitOrder("EARLY-208", "BUY", 1, 10),
                    "ORDER_UPDATE", "NEW_ORDER_REJECTED"));
            cases.add(Arguments.of(encoding, DtcMessage.of("SUBMIT_FLATTEN_POSITION_ORDER").set("Symbol", "ES")
                    .set("ClientOrderID", "EARLY-209"), "ORDER_UPDATE", "NEW_ORDER_REJECTED"));
            cases.add(Arguments.of(encoding, DtcMessage.of("CANCEL_ORDER").set("ServerOrderID", "S1")
                    .set("ClientOrderID", "EARLY-203"), "ORDER_UPDATE", "ORDER_CANCEL_REJECTED"));
            cases.add(Arguments.of(encoding, DtcMessage.of("CANCEL_REPLACE_ORDER").set("ServerOrderID", "S1")
                    .set("ClientOrderID", "EARLY-204").set("Price1", 11.0), "ORDER_UPDATE", "ORDER_CANCEL_REPLACE_REJECTED"));
            cases.add(Arguments.of(encoding, DtcMessage.of("OPEN_ORDERS_REQUEST").set("RequestID", 300),
                    "OPEN_ORDERS_REJECT", null));
            cases.add(Arguments.of(encoding, DtcMessage.of("HISTORICAL_ORDER_FILLS_REQUEST").set("RequestID", 303)
                    .set("NumberOfDays", 1), "HISTORICAL_ORDER_FILLS_REJECT", null));
            cases.add(Arguments.of(encoding, DtcMessage.of("CURRENT_POSITIONS_REQUEST").set("RequestID", 305),
                    "CURRENT_POSITIONS_REJECT", null));
            cases.add(Arguments.of(encoding, DtcMessage.of("ACCOUNT_BALANCE_REQUEST").set("RequestID", 601),
                    "ACCOUNT_BALANCE_REJECT", null));
            // The spec has no reject for 400 (FACTS.md 3.6): a GENERAL_LOG_MESSAGE naming it.
            cases.add(Arguments.of(encoding, DtcMessage.of("TRADE_ACCOUNTS_REQUEST").set("RequestID", 400),
                    "GENERAL_LOG_MESSAGE", null));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("tradingRequestsAndTheirRejects")
    void shouldRefuseATradingRequestBeforeLogonSayingToLogOnFirst(DtcEncoding encoding, DtcMessage request,
                                                                  String replyName, String orderReason) {
        try (WireClient client = new WireClient(simulator.port(), encoding)) {
            client.send(request);
            DtcMessage reply = client.receive();

            assertThat(reply.name()).isEqualTo(replyName);
            assertThat(textOf(reply)).contains("log on first");
            if (orderReason != null) {
                assertThat(reply.enumName("OrderUpdateReason")).isEqualTo(orderReason);
                assertThat(reply.getString("ClientOrderID")).isEqualTo(request.getString("ClientOrderID"));
                if (request.spec().fieldOrNull("ServerOrderID") != null) {
                    assertThat(reply.getString("ServerOrderID")).isEqualTo(request.getString("ServerOrderID"));
                }
            } else if (reply.is("GENERAL_LOG_MESSAGE")) {
                assertThat(textOf(reply)).startsWith(request.spec().label());
            } else {
                assertThat(reply.getInt("RequestID")).isEqualTo(request.getInt("RequestID"));
            }
            client.logOn();
            assertThat(simulator.exchange().orders()).as("nothing reached the exchange").isEmpty();
            client.send(SimulatorAcceptanceTest.limitOrder("AFTER-" + request.type(), "BUY", 1, 10));
            assertThat(client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getInt("OrderStatus") == 7)
                    .getString("ClientOrderID")).as("logged on, the session trades").isEqualTo("AFTER-" + request.type());
        }
    }

    @Test
    void shouldRefuseBothLegsOfAnOcoOrderBeforeLogon() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.JSON_ENCODING)) {
            client.send(DtcMessage.of("SUBMIT_NEW_OCO_ORDER").set("Symbol", "ES")
                    .set("ClientOrderID_1", "EARLY-1").set("ClientOrderID_2", "EARLY-2"));
            List<DtcMessage> replies = List.of(client.receive(), client.receive());

            assertThat(replies).extracting(m -> m.getString("ClientOrderID")).containsExactly("EARLY-1", "EARLY-2");
            assertThat(replies).allSatisfy(m -> {
                assertThat(m.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
                assertThat(m.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_REJECTED");
                assertThat(m.getString("Symbol")).isEqualTo("ES");
                assertThat(m.getString("InfoText")).contains("log on first");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(value = DtcEncoding.class, names = {"BINARY_ENCODING", "JSON_ENCODING"})
    void shouldAnswerASecondLogonClearlyAndNotLogOnAgain(DtcEncoding encoding) {
        try (WireClient client = new WireClient(simulator.port(), encoding).logOn()) {
            client.send(DtcMessage.of("LOGON_REQUEST").set("ProtocolVersion", 8).set("HeartbeatIntervalInSeconds", 1)
                    .set("ClientName", "again"));
            DtcMessage answer = client.receiveUntil(m -> !m.is("HEARTBEAT"));

            assertThat(answer.name()).as("not a second LOGON_RESPONSE").isEqualTo("GENERAL_LOG_MESSAGE");
            assertThat(answer.getString("MessageText")).startsWith("LOGON_REQUEST (1)").contains("already logged on");
            assertThat(simulator.sessions().all()).singleElement().satisfies(s ->
                    assertThat(s.clientName()).as("the first logon stands").isEqualTo("wire-client"));
            client.send(DtcMessage.of("TRADE_ACCOUNTS_REQUEST").set("RequestID", 4));
            assertThat(client.receiveUntil(m -> !m.is("HEARTBEAT")).name()).isEqualTo("TRADE_ACCOUNT_RESPONSE");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DtcEncoding.class, names = {"BINARY_ENCODING", "JSON_ENCODING"})
    void shouldRejectMarketDataRequestsWithTheirSpecRejectsWhileServingNoMarketData(DtcEncoding encoding) {
        try (WireClient client = new WireClient(simulator.port(), encoding)) {
            DtcMessage logon = client.tryLogOn(DtcMessage.of("LOGON_REQUEST").set("ProtocolVersion", 8)
                    .set("HeartbeatIntervalInSeconds", 10));
            assertThat(logon.getInt("MarketDataSupported")).isZero();

            client.send(DtcMessage.of("MARKET_DATA_REQUEST").setEnum("RequestAction", "SUBSCRIBE").set("SymbolID", 7)
                    .set("Symbol", "ESZ6"));
            DtcMessage data = client.receive("MARKET_DATA_REJECT");
            assertThat(data.getLong("SymbolID")).isEqualTo(7);
            assertThat(data.getString("RejectText")).isEqualTo(
                    "no market data served here (LOGON_RESPONSE.MarketDataSupported is 0)");

            client.send(DtcMessage.of("MARKET_DEPTH_REQUEST").setEnum("RequestAction", "SUBSCRIBE").set("SymbolID", 8)
                    .set("Symbol", "ESZ6").set("NumLevels", 10));
            DtcMessage depth = client.receive("MARKET_DEPTH_REJECT");
            assertThat(depth.getLong("SymbolID")).isEqualTo(8);
            assertThat(depth.getString("RejectText")).contains("market depth").contains("MarketDepthIsSupported is 0");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DtcEncoding.class, names = {"BINARY_ENCODING", "JSON_ENCODING"})
    void shouldNameATypeTheSpecListsWithoutABody(DtcEncoding encoding) {
        try (WireClient client = new WireClient(simulator.port(), encoding).logOn()) {
            int type = DtcSpec.v8().typeOf("FLATTEN_POSITIONS_FOR_TRADE_ACCOUNT");
            if (encoding == DtcEncoding.BINARY_ENCODING) {
                client.sendRaw(new byte[] {4, 0, (byte) type, (byte) (type >> 8)});
            } else {
                client.sendRaw("{\"Type\":" + type + "}\0");
            }

            assertThat(client.receiveUntil(m -> !m.is("HEARTBEAT")).getString("MessageText"))
                    .startsWith("FLATTEN_POSITIONS_FOR_TRADE_ACCOUNT (210) has no message body in DTC v8");
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "300, OPEN_ORDERS_REJECT, RejectText",
            "305, CURRENT_POSITIONS_REJECT, RejectText",
            "601, ACCOUNT_BALANCE_REJECT, RejectText",
            "303, HISTORICAL_ORDER_FILLS_REJECT, RejectText"})
    void shouldRefuseARequestWhoseFieldDoesNotReadNamingTheField(int type, String reject, String textField) {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.JSON_ENCODING).logOn()) {
            client.sendRaw("{\"Type\":" + type + ",\"RequestID\":77,\"TradeAccount\":5}\0");

            DtcMessage answer = client.receiveUntil(m -> !m.is("HEARTBEAT"));
            assertThat(answer.name()).isEqualTo(reject);
            assertThat(answer.getString(textField)).contains("TradeAccount");
            if (answer.spec().fieldOrNull("RequestID") != null) {
                assertThat(answer.getInt("RequestID")).as("the request's id, echoed").isEqualTo(77);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DtcEncoding.class, names = {"BINARY_ENCODING", "JSON_ENCODING"})
    void shouldAnswerAServersMessageSentByAClientEvenWithConformanceRepliesOff(DtcEncoding encoding) {
        try (WireClient client = new WireClient(simulator.port(), encoding).logOn()) {
            client.send(DtcMessage.of("POSITION_UPDATE").set("Symbol", "ES").set("Quantity", 1.0));

            assertThat(client.receiveUntil(m -> !m.is("HEARTBEAT")).getString("MessageText"))
                    .isEqualTo("POSITION_UPDATE (306) is sent by servers, not clients; ignored");
        }
    }

    static Stream<MessageSpec> everyTypeAClientMaySend() {
        return DtcSpec.v8().messages().stream().filter(m -> Direction.of(m).contains(Direction.CLIENT_TO_SERVER));
    }

    @ParameterizedTest
    @EnumSource(value = DtcEncoding.class, names = {"BINARY_ENCODING", "JSON_ENCODING"})
    void shouldAnswerEveryTypeOfTheSpecThatAClientMaySend(DtcEncoding encoding) {
        List<String> unanswered = new ArrayList<>();
        List<String> walked = new ArrayList<>();
        try (WireClient client = new WireClient(simulator.port(), encoding).logOn()) {
            everyTypeAClientMaySend().filter(m -> !NO_ANSWER_IN_THE_SPEC.contains(m.name())).forEach(spec -> {
                DtcMessage request = identified(spec, encoding);
                walked.add(spec.name());
                client.send(request);
                try {
                    DtcMessage answer = client.receiveUntil(answers(request));
                    assertThat(answer).isNotNull();
                } catch (IllegalStateException e) {
                    unanswered.add(spec.label() + ": " + e.getMessage());
                }
            });
        }
        assertThat(walked).as("the walk covers the market data, symbol, order and account requests")
                .contains("MARKET_DATA_REQUEST", "SYMBOL_SEARCH_REQUEST", "SUBMIT_NEW_OCO_ORDER", "JOURNAL_ENTRY_ADD",
                        "HISTORICAL_PRICE_DATA_REQUEST", "ACCOUNT_BALANCE_ADJUSTMENT", "LOGON_REQUEST")
                .hasSizeGreaterThan(25);
        assertThat(unanswered).as("requests without an answer").isEmpty();
    }

    /** A request of that type whose ids (RequestID, SymbolID, ClientOrderID...) say which request it is. */
    private static DtcMessage identified(MessageSpec spec, DtcEncoding encoding) {
        DtcMessage m = DtcMessage.of(spec);
        for (FieldSpec f : spec.fields()) {
            if (f.name().equals("RequestID") || f.name().equals("SymbolID")) {
                m.set(f, 5000L + spec.type());
            } else if (f.name().startsWith("ClientOrderID")) {
                m.set(f, "W" + spec.type() + f.name().substring("ClientOrderID".length()));
            }
        }
        if (spec.name().equals("ENCODING_REQUEST")) {
            m.set("ProtocolVersion", 8).set("Encoding", encoding.code()).set("ProtocolType", "DTC");
        }
        if (spec.name().equals("LOGON_REQUEST")) {
            m.set("ProtocolVersion", 8).set("HeartbeatIntervalInSeconds", 10);
        }
        return m;
    }

    /** What answers {@code request}: a reply carrying one of its ids, or a GENERAL_LOG_MESSAGE naming it. */
    private static Predicate<DtcMessage> answers(DtcMessage request) {
        return m -> {
            if (m.is("GENERAL_LOG_MESSAGE")) {
                return m.getString("MessageText").contains(request.name());
            }
            if (request.is("ENCODING_REQUEST")) {
                return m.is("ENCODING_RESPONSE");
            }
            for (FieldSpec f : m.spec().fields()) {
                String own = f.name();
                FieldSpec asked = request.spec().fieldOrNull(own);
                if (asked == null && own.equals("ClientOrderID")) {
                    asked = request.spec().fieldOrNull("ClientOrderID_1");
                }
                if (asked != null && (own.equals("RequestID") || own.equals("SymbolID") || own.equals("ClientOrderID"))
                        && request.isSet(asked) && String.valueOf(m.get(own)).equals(String.valueOf(request.get(asked.name())))) {
                    return true;
                }
            }
            return false;
        };
    }

    private static String textOf(DtcMessage reply) {
        for (String field : List.of("RejectText", "InfoText", "MessageText", "ResultText")) {
            if (reply.spec().fieldOrNull(field) != null) {
                return reply.getString(field);
            }
        }
        throw new AssertionError(reply + " has no text field");
    }
}

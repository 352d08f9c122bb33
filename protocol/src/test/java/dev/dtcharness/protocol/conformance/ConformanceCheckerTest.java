package dev.dtcharness.protocol.conformance;

import static dev.dtcharness.protocol.conformance.Direction.CLIENT_TO_SERVER;
import static dev.dtcharness.protocol.conformance.Direction.SERVER_TO_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.BinaryFormat;
import dev.dtcharness.protocol.codec.VlsFormat;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConformanceCheckerTest {
    private final ConformanceChecker checker = new ConformanceChecker(DtcSpec.v8());

    @Test
    void shouldFindNothingInAConformingOrder() {
        assertThat(json("{\"Type\":208,\"Symbol\":\"ES\",\"ClientOrderID\":\"c1\",\"OrderType\":2,\"BuySell\":1,"
                + "\"Price1\":4500.25,\"Quantity\":1,\"TimeInForce\":1}", true)).isEmpty();
    }

    @Test
    void shouldKeepEachFramesFindingsApartFromTheNextFrames() {
        DtcMessage wrongWay = DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "S1").set("BuySell", 3);
        List<Finding> first = checker.checkDecoded(wrongWay, CLIENT_TO_SERVER, false);
        List<Finding> second = checker.checkDecoded(DtcMessage.of("HEARTBEAT"), CLIENT_TO_SERVER, true);
        List<Finding> third = checker.checkFrame(binary(wrongWay), DtcEncoding.BINARY_ENCODING, CLIENT_TO_SERVER, true);

        assertThat(first).extracting(Finding::kind).containsExactlyInAnyOrder(Finding.Kind.WRONG_DIRECTION,
                Finding.Kind.BEFORE_LOGON, Finding.Kind.ENUM_OUT_OF_RANGE);
        assertThat(second).as("a conforming message after a bad one").isEmpty();
        assertThat(third).as("what the frame shows; its values are left to the decoded message").isEmpty();
        ByteBuf tooShort = binary(wrongWay).writerIndex(100);
        tooShort.setShortLE(0, 100);
        assertThat(checker.checkFrame(tooShort, DtcEncoding.BINARY_ENCODING, CLIENT_TO_SERVER, true))
                .extracting(Finding::kind).containsExactly(Finding.Kind.SIZE_MISMATCH);
        assertThat(tooShort.readerIndex()).as("the frame is not consumed").isZero();
    }

    @Test
    void shouldNameTheIntentOfType300WithOrderFields() {
        List<Finding> findings = json("{\"Type\":300,\"Symbol\":\"ES\",\"BuySell\":1,\"Quantity\":1}", true);
        assertThat(findings).extracting(Finding::kind).containsOnly(Finding.Kind.LIKELY_CONFUSION);
        assertThat(findings.get(0).sentence()).isEqualTo("OPEN_ORDERS_REQUEST (300).Symbol: a field OPEN_ORDERS_REQUEST "
                + "does not have (expected: one of the fields of OPEN_ORDERS_REQUEST); type 300 is OPEN_ORDERS_REQUEST; "
                + "to submit an order send SUBMIT_NEW_SINGLE_ORDER (208)");
    }

    @Test
    void shouldNameTheIntentOfType302SentByAClient() {
        List<Finding> findings = json("{\"Type\":302,\"RequestID\":1}", true);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.WRONG_DIRECTION);
            assertThat(f.hint()).isEqualTo("type 302 is OPEN_ORDERS_REJECT; to cancel an order send CANCEL_ORDER (203), "
                    + "to modify it CANCEL_REPLACE_ORDER (204)");
        });
    }

    @Test
    void shouldSayOrderStatus3IsNotFilled() {
        DtcMessage update = DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "S1").set("OrderStatus", 3)
                .setEnum("OrderUpdateReason", "ORDER_FILLED").set("OrderQuantity", 1).set("FilledQuantity", 1);
        List<Finding> findings = checker.check(binary(update), DtcEncoding.BINARY_ENCODING, SERVER_TO_CLIENT, true);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.LIKELY_CONFUSION);
            assertThat(f.field()).isEqualTo("OrderStatus");
            assertThat(f.hint()).contains("PENDING_CHILD").contains("FILLED is 7");
        });
    }

    @Test
    void shouldLeaveWhatABinaryFrameSaysToItsDecodedMessage() {
        DtcMessage update = DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "S1").set("OrderStatus", 3)
                .setEnum("OrderUpdateReason", "ORDER_FILLED").set("OrderQuantity", 1).set("FilledQuantity", 1)
                .set("BuySell", 3);
        List<Finding> whole = checker.check(binary(update), DtcEncoding.BINARY_ENCODING, CLIENT_TO_SERVER, true);
        assertThat(whole).extracting(Finding::kind).containsExactlyInAnyOrder(Finding.Kind.WRONG_DIRECTION,
                Finding.Kind.ENUM_OUT_OF_RANGE, Finding.Kind.LIKELY_CONFUSION);

        assertThat(checker.checkFrame(binary(update), DtcEncoding.BINARY_ENCODING, CLIENT_TO_SERVER, true)).isEmpty();
        assertThat(checker.checkDecoded(update, CLIENT_TO_SERVER, true)).extracting(Finding::sentence)
                .containsExactlyElementsOf(whole.stream().map(Finding::sentence).toList());

        ByteBuf shorter = Unpooled.buffer().writeShortLE(12).writeShortLE(3).writeIntLE(0).writeIntLE(0);
        assertThat(checker.checkFrame(shorter, DtcEncoding.BINARY_ENCODING, CLIENT_TO_SERVER, true))
                .extracting(Finding::kind).containsExactly(Finding.Kind.SIZE_MISMATCH);
        // Only the bytes show a JSON frame's unknown fields and wrong types: it is checked in full.
        ByteBuf json = text("{\"Type\":208,\"ClientOrderID\":\"c1\",\"BuySell\":3,\"Colour\":1}");
        assertThat(checker.checkFrame(json, DtcEncoding.JSON_ENCODING, CLIENT_TO_SERVER, true))
                .extracting(Finding::kind).containsExactlyInAnyOrder(Finding.Kind.ENUM_OUT_OF_RANGE, Finding.Kind.UNKNOWN_FIELD);
        assertThat(ConformanceChecker.leavesValuesToDecoded(DtcEncoding.BINARY_ENCODING)).isTrue();
        assertThat(ConformanceChecker.leavesValuesToDecoded(DtcEncoding.BINARY_WITH_VARIABLE_LENGTH_STRINGS)).isTrue();
        assertThat(ConformanceChecker.leavesValuesToDecoded(DtcEncoding.JSON_COMPACT_ENCODING)).isFalse();
    }

    @Test
    void shouldReportAnUnknownType() {
        assertThat(json("{\"Type\":0,\"F\":[8,2]}", false)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.UNKNOWN_TYPE);
            assertThat(f.hint()).isEqualTo("ENCODING_REQUEST is type 6");
        });
    }

    @Test
    void shouldNameATypeTheSpecListsWithoutABodyRatherThanCallItUndefined() {
        assertThat(json("{\"Type\":210}", false)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.UNKNOWN_TYPE);
            assertThat(f.sentence()).contains("FLATTEN_POSITIONS_FOR_TRADE_ACCOUNT").contains("without a message body")
                    .doesNotContain("does not define");
        });
        assertThat(json("{\"Type\":9999}", false)).singleElement()
                .satisfies(f -> assertThat(f.sentence()).contains("type 9999, which DTC v8 does not define"));
    }

    @Test
    void shouldSuggestTheFieldAnUnknownNameProbablyMeant() {
        List<Finding> findings = checker.check(text("{\"Type\":301,\"ServerOrderID\":\"S1\",\"Quantity\":1,"
                + "\"totalNumMessages\":1}"), DtcEncoding.JSON_ENCODING, SERVER_TO_CLIENT, true);
        assertThat(findings).extracting(Finding::kind).containsOnly(Finding.Kind.UNKNOWN_FIELD);
        assertThat(findings).extracting(Finding::hint).containsExactlyInAnyOrder(
                "did you mean OrderQuantity, FilledQuantity, RemainingQuantity or LastFillQuantity?",
                "field names are case-sensitive: TotalNumMessages");
    }

    @Test
    void shouldReportAWrongJsonTypeWithTheIntegerMeant() {
        assertThat(json("{\"Type\":208,\"ClientOrderID\":\"c1\",\"BuySell\":\"BUY\",\"TimeInForce\":\"DAY\"}", true))
                .extracting(Finding::kind, Finding::field, Finding::hint)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Finding.Kind.WRONG_JSON_TYPE, "BuySell",
                                "enums are integers in every DTC encoding: send 1 for BUY"),
                        org.assertj.core.groups.Tuple.tuple(Finding.Kind.WRONG_JSON_TYPE, "TimeInForce",
                                "enums are integers in every DTC encoding: send 1 for TIF_DAY"));
    }

    @Test
    void shouldReportAnEnumValueOutsideItsEnum() {
        assertThat(json("{\"Type\":208,\"ClientOrderID\":\"c1\",\"BuySell\":3}", true)).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Finding.Kind.ENUM_OUT_OF_RANGE);
                    assertThat(f.sentence()).isEqualTo("SUBMIT_NEW_SINGLE_ORDER (208).BuySell: 3 "
                            + "(expected: BuySellEnum, BUY_SELL_UNSET = 0, BUY = 1, SELL = 2)");
                });
    }

    @Test
    void shouldReportAStringLongerThanItsCapacity() {
        assertThat(json("{\"Type\":208,\"ClientOrderID\":\"" + "x".repeat(40) + "\"}", true)).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Finding.Kind.STRING_TOO_LONG);
                    assertThat(f.found()).isEqualTo("40 characters");
                    assertThat(f.expected()).isEqualTo("at most 31 characters in char[32]");
                });
        ByteBuf noNul = binary(DtcMessage.of("LOGOFF"));
        noNul.setBytes(4, "y".repeat(96).getBytes(StandardCharsets.ISO_8859_1));
        assertThat(checker.check(noNul, DtcEncoding.BINARY_ENCODING, CLIENT_TO_SERVER, true))
                .extracting(Finding::kind).containsExactly(Finding.Kind.STRING_TOO_LONG);
    }

    @Test
    void shouldReportABinarySizeThatDoesNotMatch() {
        ByteBuf shorter = Unpooled.buffer().writeShortLE(12).writeShortLE(3).writeIntLE(0).writeIntLE(0);
        assertThat(checker.check(shorter, DtcEncoding.BINARY_ENCODING, CLIENT_TO_SERVER, true)).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Finding.Kind.SIZE_MISMATCH);
                    assertThat(f.sentence()).startsWith("HEARTBEAT (3).Size: 12 (expected: 16, the DTC v8 struct");
                });
        ByteBuf lying = Unpooled.buffer().writeShortLE(100).writeShortLE(3).writeZero(12);
        assertThat(checker.check(lying, DtcEncoding.BINARY_ENCODING, CLIENT_TO_SERVER, true))
                .extracting(Finding::kind).containsExactly(Finding.Kind.SIZE_MISMATCH);
    }

    @Test
    void shouldCheckVlsBaseSize() {
        ByteBuf wire = Unpooled.buffer();
        new VlsFormat(DtcSpec.v8()).writeFrame(DtcMessage.of("LOGOFF").set("Reason", "bye"), wire);
        assertThat(checker.check(wire, DtcEncoding.BINARY_WITH_VARIABLE_LENGTH_STRINGS, CLIENT_TO_SERVER, true)).isEmpty();
        wire.setShortLE(4, 10);
        assertThat(checker.check(wire, DtcEncoding.BINARY_WITH_VARIABLE_LENGTH_STRINGS, CLIENT_TO_SERVER, true))
                .extracting(Finding::kind, Finding::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Kind.SIZE_MISMATCH, "BaseSize"));
    }

    @Test
    void shouldFindABadVlsStringSlotWithoutDecoding() {
        ByteBuf wire = Unpooled.buffer().writeShortLE(12).writeShortLE(5).writeShortLE(12)
                .writeShortLE(200).writeShortLE(10).writeZero(2);
        String said = "LOGOFF.Reason: VLS string at Offset 200 Length 10 (expected: inside the message's Size of 12 bytes)";
        assertThat(checker.check(wire, DtcEncoding.BINARY_WITH_VARIABLE_LENGTH_STRINGS, CLIENT_TO_SERVER, true))
                .extracting(Finding::kind, Finding::found)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Kind.MALFORMED, said));
        assertThat(checker.checkFrame(wire, DtcEncoding.BINARY_WITH_VARIABLE_LENGTH_STRINGS, CLIENT_TO_SERVER, true))
                .extracting(Finding::kind, Finding::found)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Kind.MALFORMED, said));
    }

    @Test
    void shouldReportAServerMessageSentByAClient() {
        assertThat(json("{\"Type\":301,\"ServerOrderID\":\"S1\"}", true)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.WRONG_DIRECTION);
            assertThat(f.sentence()).isEqualTo("ORDER_UPDATE (301): sent by clients (expected: sent by servers)");
        });
    }

    @Test
    void shouldReportAnOrderSentBeforeLogon() {
        assertThat(json("{\"Type\":208,\"ClientOrderID\":\"c1\"}", false)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.BEFORE_LOGON);
            assertThat(f.sentence()).isEqualTo("SUBMIT_NEW_SINGLE_ORDER (208): sent before logon "
                    + "(expected: LOGON_REQUEST answered by LOGON_SUCCESS first)");
        });
        assertThat(json("{\"Type\":1,\"HeartbeatIntervalInSeconds\":10}", false)).isEmpty();
    }

    @Test
    void shouldReportAFrameThatDoesNotParse() {
        assertThat(json("{\"Type\":208,", true)).extracting(Finding::kind).containsExactly(Finding.Kind.MALFORMED);
        assertThat(json("[1,2]", true)).extracting(Finding::kind).containsExactly(Finding.Kind.MALFORMED);
        // Bytes Jackson takes for UCS-4 of an unsupported order (found by DecoderFuzzTest): malformed, not a throw.
        ByteBuf ucs4 = Unpooled.wrappedBuffer(new byte[] {0, 0, '{', 0});
        assertThat(checker.check(ucs4, DtcEncoding.JSON_ENCODING, CLIENT_TO_SERVER, true)).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Finding.Kind.MALFORMED);
                    assertThat(f.found()).contains("UCS-4");
                });
    }

    private List<Finding> json(String text, boolean loggedOn) {
        return checker.check(text(text), DtcEncoding.JSON_ENCODING, CLIENT_TO_SERVER, loggedOn);
    }

    private static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    private static ByteBuf binary(DtcMessage m) {
        ByteBuf b = Unpooled.buffer();
        new BinaryFormat(DtcSpec.v8()).encode(m, b);
        return b;
    }
}

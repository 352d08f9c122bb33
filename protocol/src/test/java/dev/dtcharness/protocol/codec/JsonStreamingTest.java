package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link JsonFormat#decode(ByteBuf)} reads well-formed messages straight from the token stream and
 * hands everything else to the tree decoder. Whatever the input, the outcome must be the tree
 * decoder's: the same message with the same fields set, or the same exception with the same words.
 */
class JsonStreamingTest {
    private static final JsonFormat JSON = new JsonFormat(DtcSpec.v8());
    private static final String[] ODD_VALUES = {"null", "true", "false", "\"\"", "\"text\"", "\"1\"", "0", "-1", "1.0",
        "1.5", "-0.0", "1e3", "1e400", "255", "256", "-129", "65536", "2147483648", "4294967296", "9223372036854775807",
        "18446744073709551615", "123456789012345678901234567890", "[]", "[1,2]", "{}", "{\"a\":{\"b\":1}}",
        "\"caf\u00e9\"", "\"\\u20ac\\n\""};

    @Property
    void streamingAndTreeDecodingAgree(@ForAll("frames") String json) {
        Object viaStream;
        Object viaTree;
        ByteBuf frame = Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
        try {
            viaStream = outcome(() -> JSON.decode(frame.duplicate()));
            viaTree = outcome(() -> JSON.decode(JSON.parse(frame.duplicate()), frame.readableBytes()));
        } finally {
            frame.release();
        }
        assertThat(viaStream).as(json).isEqualTo(viaTree);
    }

    @Property
    void shouldReadEveryDoubleAsDoubleParseDoubleDoes(@ForAll double d, @ForAll @IntRange(min = 1, max = 25) int digits,
            @ForAll @IntRange(min = -330, max = 310) int exponent, @ForAll long mantissa) {
        // The shortest form, and long decimal forms that need correct rounding.
        String plain = Double.toString(d);
        String someDigits = "1" + String.format("%20s", Long.toUnsignedString(mantissa)).replace(' ', '0').repeat(2);
        String longForm = someDigits.substring(0, digits) + "e" + exponent;
        List<String> numbers = Double.isFinite(d) ? List.of(plain, longForm, "-" + longForm) : List.of(longForm, "-" + longForm);
        for (String number : numbers) {
            ByteBuf frame = Unpooled.copiedBuffer("{\"Type\":301,\"Price1\":" + number + "}", StandardCharsets.UTF_8);
            try {
                DtcMessage m = (DtcMessage) JSON.decode(frame);
                assertThat(m.getDouble("Price1")).as(number).isEqualTo(Double.parseDouble(number));
            } finally {
                frame.release();
            }
        }
    }

    /** The message and which fields are set, or the exception's class and message. */
    private static Object outcome(java.util.function.Supplier<Object> decode) {
        try {
            Object m = decode.get();
            return List.of(m, m.toString());
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Provide
    Arbitrary<String> frames() {
        Arbitrary<MessageSpec> messages = Arbitraries.of(List.copyOf(DtcSpec.v8().messages()));
        return Combinators.combine(messages, Arbitraries.longs(), Arbitraries.integers().between(0, 12))
                .as(JsonStreamingTest::frame);
    }

    /** A message with fields of the right types, salted with wrong types, odd numbers, unknown and repeated keys. */
    static String frame(MessageSpec spec, long seed, int oddities) {
        Random random = new Random(seed);
        List<String> members = new ArrayList<>();
        for (FieldSpec f : spec.fields()) {
            if (random.nextInt(3) > 0) {
                members.add(quote(f.name()) + ":" + fitting(f, random));
            }
        }
        for (int i = 0; i < oddities; i++) {
            int at = members.isEmpty() ? 0 : random.nextInt(members.size() + 1);
            String name = switch (random.nextInt(6)) {
                case 0 -> "Unknown" + random.nextInt(3);
                case 1 -> random.nextBoolean() ? "Type" : "F";
                default -> spec.fields().isEmpty() ? "x" : spec.fields().get(random.nextInt(spec.fields().size())).name();
            };
            String value = name.equals("F") && random.nextBoolean() ? "[1,\"a\",null]" : ODD_VALUES[random.nextInt(ODD_VALUES.length)];
            members.add(at, quote(name) + ":" + value);
        }
        String type = "\"Type\":" + (random.nextInt(10) == 0 ? ODD_VALUES[random.nextInt(ODD_VALUES.length)] : spec.type());
        members.add(random.nextInt(8) == 0 && !members.isEmpty() ? random.nextInt(members.size()) : 0, type);
        String json = "{" + String.join(",", members) + "}";
        return random.nextInt(20) == 0 ? json.substring(0, random.nextInt(json.length())) : json;
    }

    private static String fitting(FieldSpec f, Random random) {
        return switch (f.kind()) {
            case STRING -> quote("v" + random.nextInt(1000));
            case FLOAT, DOUBLE -> random.nextBoolean() ? Double.toString(random.nextInt(100_000) / 4.0)
                    : Long.toString(random.nextInt(1000));
            default -> Long.toString(Math.min(f.kind().max(), Math.max(f.kind().min(), random.nextInt(200) - 50)));
        };
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}

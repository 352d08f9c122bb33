package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.conformance.ConformanceChecker;
import dev.dtcharness.protocol.conformance.Direction;
import dev.dtcharness.protocol.conformance.Finding;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fraction in an integer time field (what {@code time.time()} gives) is read as its whole part, and the
 * checker still says v8 wants an integer; anywhere else a fraction in an integer field is refused as before.
 */
class FractionalTimeTest {
    private static final JsonFormat JSON = new JsonFormat(DtcSpec.v8());

    @Test
    void shouldReadAFractionalHeartbeatTimeAsItsWholeSeconds() {
        assertThat(decode(JSON, "{\"Type\":3,\"CurrentDateTime\":1765000000.75}").getLong("CurrentDateTime"))
                .isEqualTo(1_765_000_000L);
        assertThat(decode(JsonFormat.compact(DtcSpec.v8()), "{\"Type\":3,\"F\":[0,1765000000.25]}")
                .getLong("CurrentDateTime")).as("compact F array").isEqualTo(1_765_000_000L);
    }

    @Test
    void shouldStillRefuseAFractionInAnIntegerThatIsNotATime() {
        assertThatThrownBy(() -> decode(JSON, "{\"Type\":1,\"HeartbeatIntervalInSeconds\":1.5}"))
                .isInstanceOf(DtcFieldException.class).hasMessageContaining("HeartbeatIntervalInSeconds");
    }

    @Test
    void shouldTellThatV8WantsAnInteger() {
        ByteBuf frame = Unpooled.copiedBuffer("{\"Type\":3,\"CurrentDateTime\":1765000000.75}", StandardCharsets.UTF_8);
        try {
            List<Finding> findings = new ConformanceChecker(DtcSpec.v8())
                    .checkFrame(frame, DtcEncoding.JSON_ENCODING, Direction.CLIENT_TO_SERVER, true);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Finding.Kind.WRONG_JSON_TYPE);
                assertThat(f.field()).isEqualTo("CurrentDateTime");
                assertThat(f.hint()).isEqualTo("DTC v8 wants an integer t_DateTime, not a fraction: read as 1765000000");
            });
        } finally {
            frame.release();
        }
    }

    private static DtcMessage decode(JsonFormat format, String json) {
        ByteBuf frame = Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
        try {
            return (DtcMessage) format.decode(frame);
        } finally {
            frame.release();
        }
    }
}

package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** FACTS.md 1.4: F arrays for high-frequency messages only, named JSON for everything else. */
class CompactJsonTest {
    private final JsonFormat compact = JsonFormat.compact(DtcSpec.v8());

    @Test
    void shouldSendHeartbeatsAsAnArrayInBinaryFieldOrder() {
        assertThat(encode(DtcMessage.of("HEARTBEAT").set("CurrentDateTime", 1_700_000_000L)))
                .isEqualTo("{\"Type\":3,\"F\":[0,1700000000]}\0");
    }

    @Test
    void shouldSendOrderUpdatesAsNamedJson() {
        assertThat(encode(DtcMessage.of("ORDER_UPDATE").setEnum("OrderStatus", "ORDER_STATUS_OPEN")))
                .isEqualTo("{\"Type\":301,\"OrderStatus\":4}\0");
    }

    @Test
    void shouldReadShorterAndLongerArrays() {
        DtcMessage shorter = decode("{\"Type\":3,\"F\":[5]}");
        assertThat(shorter.getLong("NumDroppedMessages")).isEqualTo(5);
        assertThat(shorter.isSet("CurrentDateTime")).isFalse();
        DtcMessage longer = decode("{\"Type\":3,\"F\":[5,1700000000,\"from a newer version\"]}");
        assertThat(longer.getLong("CurrentDateTime")).isEqualTo(1_700_000_000L);
    }

    @Test
    void shouldReadTypeAfterTheOtherFieldsAsClientsSortingKeysSend() {
        DtcMessage logon = decode("{\"ClientName\":\"jsep\",\"HeartbeatIntervalInSeconds\":10,\"Type\":1}");
        assertThat(logon.getString("ClientName")).isEqualTo("jsep");
    }

    private String encode(DtcMessage m) {
        ByteBuf out = Unpooled.buffer();
        compact.writeFrame(m, out);
        String s = out.toString(StandardCharsets.UTF_8);
        out.release();
        return s;
    }

    private DtcMessage decode(String json) {
        ByteBuf in = Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
        try {
            return (DtcMessage) compact.decode(in);
        } finally {
            in.release();
        }
    }
}

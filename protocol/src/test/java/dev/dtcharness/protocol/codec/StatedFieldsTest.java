package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * JSON leaves a field at its spec default out, unless the sender marked it stated: Sierra Chart says
 * a flat position's {@code Quantity: 0} (FACTS.md 3.5), and JSON clients read the key.
 */
class StatedFieldsTest {
    private final JsonFormat json = new JsonFormat(DtcSpec.v8());

    @Test
    void shouldWriteAStatedFieldAtItsDefaultAndLeaveAnOrdinaryOneOut() {
        DtcMessage flat = DtcMessage.of("POSITION_UPDATE").set("Symbol", "ES").setStated("Quantity", 0.0)
                .set("AveragePrice", 0.0);
        assertThat(encode(flat)).isEqualTo("{\"Type\":306,\"Symbol\":\"ES\",\"Quantity\":0.0}\0");
        assertThat(encode(flat.copy())).as("a copy keeps the mark").contains("\"Quantity\":0.0");
        assertThat(encode(flat.copyTo(DtcMessage.of("POSITION_UPDATE")))).contains("\"Quantity\":0.0");
    }

    @Test
    void shouldForgetTheMarkWhenTheFieldIsUnsetOrTheMessageCleared() {
        DtcMessage m = DtcMessage.of("POSITION_UPDATE").setStated("Quantity", 0.0);
        m.set("Quantity", null);
        assertThat(encode(m)).isEqualTo("{\"Type\":306}\0");
        m.setStated("Quantity", 0.0).clear().set("Quantity", 0.0);
        assertThat(encode(m)).as("reused after clear(): an ordinary field again").isEqualTo("{\"Type\":306}\0");
    }

    private String encode(DtcMessage m) {
        ByteBuf out = Unpooled.buffer();
        try {
            json.writeFrame(m, out);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }
}

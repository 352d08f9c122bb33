package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A message marked to state its defaults is written in JSON with every set field, defaults included. */
class StatedDefaultsTest {
    private final JsonFormat json = new JsonFormat(DtcSpec.v8());

    @Test
    void shouldLeaveOutASetFieldAtItsDefaultUnlessTheMessageStatesDefaults() {
        DtcMessage response = DtcMessage.of("LOGON_RESPONSE").set("TradingIsSupported", 0)
                .set("OrderCancelReplaceSupported", 1);

        assertThat(encode(response)).isEqualTo("{\"Type\":2}\0");
        assertThat(encode(response.stateDefaults()))
                .isEqualTo("{\"Type\":2,\"TradingIsSupported\":0,\"OrderCancelReplaceSupported\":1}\0");
    }

    @Test
    void shouldKeepTheMarkOnACopy() {
        DtcMessage response = DtcMessage.of("LOGON_RESPONSE").set("MarketDataSupported", 1).stateDefaults();

        assertThat(encode(response.copy())).isEqualTo("{\"Type\":2,\"MarketDataSupported\":1}\0");
    }

    private String encode(DtcMessage m) {
        ByteBuf out = Unpooled.buffer();
        json.writeFrame(m, out);
        String s = out.toString(StandardCharsets.UTF_8);
        out.release();
        return s;
    }
}

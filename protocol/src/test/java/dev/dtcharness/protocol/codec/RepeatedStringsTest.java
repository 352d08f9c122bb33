package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RepeatedStringsTest {
    private static final FieldSpec ID = DtcSpec.v8().message("ORDER_UPDATE").field("ClientOrderID");
    private final RepeatedStrings cache = new RepeatedStrings();

    @Test
    void shouldHandOutTheLastStringAgainForTheSameBytesOnly() {
        String first = read("ORDER-000001");
        assertThat(read("ORDER-000001")).isEqualTo("ORDER-000001").isSameAs(first);
        assertThat(read("ORDER-000002")).as("differs in the last eight bytes").isEqualTo("ORDER-000002");
        assertThat(read("XRDER-000002")).as("same last eight bytes, differs before them").isEqualTo("XRDER-000002");
        assertThat(read("ES")).isEqualTo("ES");
        assertThat(read("EZ")).as("shorter than eight bytes").isEqualTo("EZ");
        assertThat(read("ORDER-00002")).isEqualTo("ORDER-00002");
        assertThat(read("RDER-000002")).as("same length and last bytes").isEqualTo("RDER-000002");
    }

    @Test
    void shouldSeeADifferenceInAnyByteOfAnyLength() {
        for (int length = 1; length <= 64; length++) {
            String base = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-+".substring(0, length);
            for (int at = 0; at < length; at++) {
                String changed = base.substring(0, at) + '#' + base.substring(at + 1);
                assertThat(read(base)).isEqualTo(base);
                assertThat(read(base)).as("same bytes again, length %d", length).isEqualTo(base);
                assertThat(read(changed)).as("length %d, byte %d differs", length, at).isEqualTo(changed);
            }
        }
    }

    /** The string's bytes at an offset inside a larger frame, as the decoder finds them. */
    private String read(String s) {
        byte[] frame = new byte[100];
        byte[] text = s.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, frame, 17, text.length);
        return cache.read(ID, frame, 17, text.length);
    }
}

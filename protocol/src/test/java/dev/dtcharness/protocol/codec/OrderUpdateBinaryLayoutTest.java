package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The binary ORDER_UPDATE checked byte by byte against an image built independently with
 * java.nio from the spec's offsets, so a mistake in the encoder cannot hide in both sides.
 */
class OrderUpdateBinaryLayoutTest {
    private final DtcSpec spec = DtcSpec.v8();
    private final EmbeddedChannel channel = new EmbeddedChannel(DtcCodec.fixed(DtcEncoding.BINARY_ENCODING));

    @AfterEach
    void noLeftovers() {
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldPlaceEveryOrderUpdateFieldAtItsSpecOffset() {
        DtcMessage filled = DtcMessage.of("ORDER_UPDATE")
                .set("TotalNumMessages", 1).set("MessageNumber", 1)
                .set("Symbol", "ESZ6").set("ServerOrderID", "S1").set("ClientOrderID", "ORD-1")
                .setEnum("OrderStatus", "ORDER_STATUS_FILLED").setEnum("OrderUpdateReason", "ORDER_FILLED")
                .setEnum("BuySell", "BUY").set("Price1", 4321.25).set("OrderQuantity", 100)
                .set("FilledQuantity", 100).set("RemainingQuantity", 0).set("AverageFillPrice", 4321.25)
                .set("LastFillDateTime", 1_764_000_000_123L).set("LatestTransactionDateTime", 1_764_000_000.5);

        channel.writeOutbound(filled);
        ByteBuf wire = channel.readOutbound();
        byte[] actual = ByteBufUtil.getBytes(wire);
        wire.release();

        MessageSpec ms = spec.message("ORDER_UPDATE");
        ByteBuffer expected = ByteBuffer.allocate(ms.binarySize()).order(ByteOrder.LITTLE_ENDIAN);
        expected.putShort(0, (short) 720).putShort(2, (short) 301);
        expected.putInt(at("TotalNumMessages"), 1).putInt(at("MessageNumber"), 1);
        putString(expected, at("Symbol"), "ESZ6");
        putString(expected, at("ServerOrderID"), "S1");
        putString(expected, at("ClientOrderID"), "ORD-1");
        expected.putInt(at("OrderStatus"), 7).putInt(at("OrderUpdateReason"), 4).putInt(at("BuySell"), 1);
        expected.putDouble(at("Price1"), 4321.25).putDouble(at("Price2"), Double.MAX_VALUE);
        expected.putDouble(at("OrderQuantity"), 100).putDouble(at("FilledQuantity"), 100)
                .putDouble(at("RemainingQuantity"), 0).putDouble(at("AverageFillPrice"), 4321.25)
                .putDouble(at("LastFillPrice"), Double.MAX_VALUE).putDouble(at("LastFillQuantity"), Double.MAX_VALUE);
        expected.putLong(at("LastFillDateTime"), 1_764_000_000_123L);
        expected.putDouble(at("LatestTransactionDateTime"), 1_764_000_000.5);

        assertThat(actual).hasSize(720);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("byte %d", i).isEqualTo(expected.get(i));
        }
        // The offsets FACTS.md section 6 confirms by compiling DTCProtocol.h.
        assertThat(at("OrderStatus")).isEqualTo(224);
        assertThat(at("ServerOrderID")).isEqualTo(128);
        assertThat(at("LatestTransactionDateTime")).isEqualTo(680);
    }

    @Test
    void shouldWriteTheEncodingRequestOfTheSierraChartDocs() {
        DtcMessage request = DtcMessage.of("ENCODING_REQUEST").setEnum("Encoding", "JSON_ENCODING");
        channel.writeOutbound(request);
        ByteBuf wire = channel.readOutbound();
        // FACTS.md 1.7: 10 00 06 00 | 08 00 00 00 | 02 00 00 00 | 44 54 43 00
        assertThat(ByteBufUtil.hexDump(wire)).isEqualTo("1000060008000000020000004454430" + "0");
        wire.release();
    }

    private int at(String field) {
        return spec.message("ORDER_UPDATE").field(field).offset();
    }

    private static void putString(ByteBuffer b, int offset, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            b.put(offset + i, bytes[i]);
        }
    }
}

package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** Binary frames are decoded where they lie in the stream, and a Symbol that repeats is one String. */
class DecodeInPlaceTest {
    private final BinaryFormat binary = new BinaryFormat(DtcSpec.v8());

    @Test
    void shouldDecodeBackToBackFramesAndStopAtAPartialOne() {
        ByteBuf stream = Unpooled.directBuffer();
        binary.encode(update("S1"), stream);
        binary.encode(update("S2"), stream);
        binary.encode(update("S3"), stream);
        stream.writerIndex(stream.writerIndex() - 10);
        int size = update("S1").spec().binarySize();

        assertThat(((DtcMessage) binary.decodeNext(stream, DtcFraming.DEFAULT_MAX_FRAME)).getString("ServerOrderID")).isEqualTo("S1");
        assertThat(stream.readerIndex()).isEqualTo(size);
        assertThat(((DtcMessage) binary.decodeNext(stream, DtcFraming.DEFAULT_MAX_FRAME)).getString("ServerOrderID")).isEqualTo("S2");
        assertThat(binary.decodeNext(stream, DtcFraming.DEFAULT_MAX_FRAME)).as("cut short").isNull();
        assertThat(stream.readerIndex()).as("a partial frame is not consumed").isEqualTo(2 * size);
        stream.release();
    }

    @Test
    void shouldHandOutTheSameStringForARepeatedValueAndANewOneForADifferentValue() {
        ByteBuf stream = Unpooled.directBuffer();
        binary.encode(update("S1"), stream);
        binary.encode(update("S2"), stream);
        DtcMessage a = (DtcMessage) binary.decodeNext(stream, DtcFraming.DEFAULT_MAX_FRAME);
        DtcMessage b = (DtcMessage) binary.decodeNext(stream, DtcFraming.DEFAULT_MAX_FRAME);
        assertThat(b.getString("Symbol")).isEqualTo("ESZ6").isSameAs(a.getString("Symbol"));
        assertThat(a.getString("ServerOrderID")).isEqualTo("S1");
        assertThat(b.getString("ServerOrderID")).isEqualTo("S2");
        stream.release();
    }

    @Test
    void shouldNotMistakeALongerValueSharingAPrefixForTheCachedOne() {
        ByteBuf stream = Unpooled.directBuffer();
        binary.encode(update("S1").set("Symbol", "ES"), stream);
        binary.encode(update("S2").set("Symbol", "ESH7"), stream);
        binary.encode(update("S3").set("Symbol", "ES"), stream);
        assertThat(((DtcMessage) binary.decodeNext(stream, DtcFraming.DEFAULT_MAX_FRAME)).getString("Symbol")).isEqualTo("ES");
        assertThat(((DtcMessage) binary.decodeNext(stream, DtcFraming.DEFAULT_MAX_FRAME)).getString("Symbol")).isEqualTo("ESH7");
        assertThat(((DtcMessage) binary.decodeNext(stream, DtcFraming.DEFAULT_MAX_FRAME)).getString("Symbol")).isEqualTo("ES");
        stream.release();
    }

    @Test
    void shouldDecodeIntoAReusedMessageLeavingNothingOfThePreviousFrame() {
        ByteBuf first = Unpooled.buffer();
        binary.encode(update("S1").set("InfoText", "first").set("Price1", 4500.25), first);
        ByteBuf second = Unpooled.buffer();
        binary.encode(update("S2"), second);
        DtcMessage reuse = DtcMessage.of(DtcSpec.v8().message("ORDER_UPDATE"));

        assertThat(binary.decode(first, reuse)).isSameAs(reuse);
        assertThat(reuse.getString("InfoText")).isEqualTo("first");
        assertThat(binary.decode(second, reuse)).isSameAs(reuse);
        assertThat(reuse.getString("ServerOrderID")).isEqualTo("S2");
        assertThat(reuse.getString("InfoText")).isEmpty();
        assertThat(reuse.getDouble("Price1")).as("read from the frame, not left from the first").isEqualTo(Double.MAX_VALUE);
        assertThat(reuse).isEqualTo(update("S2"));
    }

    @Test
    void shouldLeaveNothingOfAWholeFrameWhenAShorterOneIsDecodedIntoTheSameMessage() {
        ByteBuf whole = Unpooled.buffer();
        binary.encode(update("S1").set("InfoText", "first").set("FreeFormText", "note"), whole);
        // An older server's ORDER_UPDATE: the frame ends before the fields a later version added.
        int cut = DtcSpec.v8().message("ORDER_UPDATE").field("InfoText").offset();
        ByteBuf shorter = Unpooled.buffer();
        binary.encode(update("S2"), shorter);
        shorter.writerIndex(cut);
        shorter.setShortLE(0, cut);
        DtcMessage reuse = DtcMessage.of(DtcSpec.v8().message("ORDER_UPDATE"));

        binary.decode(whole, reuse);
        assertThat(reuse.getString("FreeFormText")).isEqualTo("note");
        assertThat(binary.decode(shorter, reuse)).isSameAs(reuse);
        assertThat(reuse.getString("ServerOrderID")).isEqualTo("S2");
        assertThat(reuse.isSet("InfoText")).as("beyond the shorter frame").isFalse();
        assertThat(reuse.getString("InfoText")).isEmpty();
        assertThat(reuse.isSet("FreeFormText")).isFalse();
        assertThat(reuse.getString("FreeFormText")).isEmpty();
    }

    @Test
    void shouldMakeANewMessageWhenTheReusedOneIsOfAnotherType() {
        ByteBuf frame = Unpooled.buffer();
        binary.encode(update("S1"), frame);
        DtcMessage other = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER");
        Object decoded = binary.decode(frame, other);
        assertThat(decoded).isNotSameAs(other).isEqualTo(update("S1"));
    }

    private static DtcMessage update(String serverOrderId) {
        return DtcCodecTest.filled(serverOrderId).set("Symbol", "ESZ6").set("OrderQuantity", 1.0);
    }
}

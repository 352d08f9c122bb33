package dev.dtcharness.benchmarks;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.BinaryFormat;
import dev.dtcharness.protocol.codec.DtcFraming;
import dev.dtcharness.protocol.codec.ReusedMessages;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The binary decode a reader that lets each message go can use ({@link ReusedMessages}, as the client's codec
 * does for ORDER_UPDATE and POSITION_UPDATE, see {@code DtcCodec.reuseDecoded}): a filled ORDER_UPDATE decoded
 * into one kept message, beside the plain decode that makes a new one. {@code -prof gc} gives the bytes each
 * allocates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class DecodeIntoBenchmark {

    /** heap, or direct (what a socket hands over). */
    @Param({"heap", "direct"})
    public String buffer;

    private final BinaryFormat binary = new BinaryFormat(DtcSpec.v8());
    private ByteBuf wire;
    /** What the client's codec decodes its ORDER_UPDATEs into. */
    private final ReusedMessages reused = new ReusedMessages(spec -> true);

    @Setup(Level.Trial)
    public void setUp() {
        DtcMessage update = Samples.filledOrderUpdate();
        wire = "direct".equals(buffer) ? Unpooled.directBuffer(1024) : Unpooled.buffer(1024);
        binary.encode(update, wire);
        if (!update.equals(orderUpdateDecodeInto()) || !update.equals(binary.decode(wire))) {
            throw new IllegalStateException("the decode does not give the message back");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        wire.release();
    }

    @Benchmark
    public Object orderUpdateDecodeNew() {
        return binary.decode(wire);
    }

    @Benchmark
    public Object orderUpdateDecodeInto() {
        // As the codec reads a stream: the frame is consumed, so it is put back for the next call.
        Object m = binary.decodeNext(wire, DtcFraming.DEFAULT_MAX_FRAME, reused);
        wire.readerIndex(0);
        return m;
    }
}

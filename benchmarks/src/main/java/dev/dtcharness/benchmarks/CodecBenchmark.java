package dev.dtcharness.benchmarks;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.DtcFraming;
import dev.dtcharness.protocol.codec.WireFormat;
import dev.dtcharness.protocol.codec.WireFormats;
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
 * Encode, decode and round trip of a filled ORDER_UPDATE and a limit SUBMIT_NEW_SINGLE_ORDER in
 * each implemented encoding, through the same {@link WireFormat} calls {@code DtcCodec} makes:
 * <ul>
 *   <li>encode: {@code writeFrame} into an unpooled buffer cleared and reused every op;</li>
 *   <li>decode: {@code decodeNext} (cutting and decoding the frame, as the codec does) of a
 *       frame encoded once at setup, rewound every op; the result is a new {@link DtcMessage};</li>
 *   <li>round trip: both, the decode reading the frame the encode has just written.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// A fixed, pre-touched heap: no heap resizing or first-touch page faults inside the measurement.
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class CodecBenchmark {

    @Param({"BINARY_ENCODING", "BINARY_WITH_VARIABLE_LENGTH_STRINGS", "JSON_ENCODING", "JSON_COMPACT_ENCODING"})
    public DtcEncoding encoding;

    /**
     * heap (the default run) or direct: {@code -p buffer=heap,direct}. The codecs write and read heap
     * buffers straight on their arrays; direct buffers, which a live Netty channel usually hands
     * the codec, take the general ByteBuf path.
     */
    @Param({"heap"})
    public String buffer;

    private WireFormat format;
    private DtcMessage orderUpdate;
    private DtcMessage submitOrder;
    /** Reused by every encode: cleared, never reallocated (its capacity covers both messages). */
    private ByteBuf out;
    /** The messages encoded once, read again by every decode. */
    private ByteBuf orderUpdateWire;
    private ByteBuf submitOrderWire;

    @Setup(Level.Trial)
    public void setUp() {
        format = WireFormats.of(encoding);
        orderUpdate = Samples.filledOrderUpdate();
        submitOrder = Samples.limitOrder();
        out = allocate(4096);
        orderUpdateWire = encodeOnce(orderUpdate);
        submitOrderWire = encodeOnce(submitOrder);
        // Measure only a codec that works: every path must give the message back.
        check(orderUpdate, decodeFrom(orderUpdateWire));
        check(submitOrder, decodeFrom(submitOrderWire));
        check(orderUpdate, roundTrip(orderUpdate));
        check(submitOrder, roundTrip(submitOrder));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        out.release();
        orderUpdateWire.release();
        submitOrderWire.release();
    }

    @Benchmark
    public ByteBuf orderUpdateEncode() {
        return encode(orderUpdate);
    }

    @Benchmark
    public Object orderUpdateDecode() {
        return decodeFrom(orderUpdateWire);
    }

    @Benchmark
    public Object orderUpdateRoundTrip() {
        return roundTrip(orderUpdate);
    }

    @Benchmark
    public ByteBuf submitOrderEncode() {
        return encode(submitOrder);
    }

    @Benchmark
    public Object submitOrderDecode() {
        return decodeFrom(submitOrderWire);
    }

    @Benchmark
    public Object submitOrderRoundTrip() {
        return roundTrip(submitOrder);
    }

    private ByteBuf encode(DtcMessage m) {
        out.clear();
        format.writeFrame(m, out);
        return out;
    }

    private Object decodeFrom(ByteBuf wire) {
        wire.readerIndex(0);
        return format.decodeNext(wire, DtcFraming.DEFAULT_MAX_FRAME);
    }

    private Object roundTrip(DtcMessage m) {
        return decodeFrom(encode(m));
    }

    private ByteBuf allocate(int capacity) {
        return switch (buffer) {
            case "heap" -> Unpooled.buffer(capacity, capacity);
            case "direct" -> Unpooled.directBuffer(capacity, capacity);
            default -> throw new IllegalArgumentException("buffer is heap or direct, not " + buffer);
        };
    }

    private ByteBuf encodeOnce(DtcMessage m) {
        ByteBuf wire = allocate(1024);
        format.writeFrame(m, wire);
        return wire;
    }

    private void check(DtcMessage expected, Object decoded) {
        if (!expected.equals(decoded)) {
            throw new IllegalStateException(encoding + " on " + buffer + ": " + expected + " came back as " + decoded);
        }
    }
}

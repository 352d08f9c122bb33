package dev.dtcharness.loadtest;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.DtcFraming;
import dev.dtcharness.protocol.codec.WireFormat;
import dev.dtcharness.protocol.codec.WireFormats;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.function.Predicate;

/**
 * A blocking binary DTC peer that knows only the wire: what a foreign client, or a hostile one, sends
 * and sees, without the production client's own work in the figures.
 */
final class RawPeer implements AutoCloseable {
    private static final WireFormat BINARY = WireFormats.of(DtcEncoding.BINARY_ENCODING);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteBuf received = Unpooled.buffer(64 * 1024);
    private final byte[] chunk = new byte[64 * 1024];

    RawPeer(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] frames(DtcMessage... messages) {
        ByteBuf buf = Unpooled.buffer();
        try {
            for (DtcMessage m : messages) {
                BINARY.writeFrame(m, buf);
            }
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        } finally {
            buf.release();
        }
    }

    void send(DtcMessage m) {
        sendRaw(frames(m));
    }

    void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawPeer logOn(String clientName) {
        send(DtcMessage.of("LOGON_REQUEST").set("ProtocolVersion", 8).set("HeartbeatIntervalInSeconds", 60)
                .set("ClientName", clientName));
        DtcMessage response = receive(m -> m.is("LOGON_RESPONSE"));
        if (!response.enumName("Result").equals("LOGON_SUCCESS")) {
            throw new IllegalStateException("logon failed: " + response);
        }
        return this;
    }

    /** Decodes messages until one matches. */
    DtcMessage receive(Predicate<DtcMessage> wanted) {
        while (true) {
            ByteBuf frame = BINARY.nextFrame(received, DtcFraming.DEFAULT_MAX_FRAME);
            if (frame == null) {
                received.discardReadBytes();
                readMore();
                continue;
            }
            if (frame.isReadable() && BINARY.decode(frame) instanceof DtcMessage m && wanted.test(m)) {
                return m;
            }
        }
    }

    /**
     * Walks whole frames without decoding them, handing each one's buffer (reader index at its first
     * byte) to {@code frame} until it returns false: for reading a flood's answers at wire speed.
     */
    void walkFrames(Predicate<ByteBuf> frame) {
        while (true) {
            while (received.readableBytes() >= 2) {
                int size = received.getUnsignedShortLE(received.readerIndex());
                if (received.readableBytes() < size) {
                    break;
                }
                ByteBuf one = received.slice(received.readerIndex(), size);
                received.skipBytes(size);
                if (!frame.test(one)) {
                    return;
                }
            }
            received.discardReadBytes();
            readMore();
        }
    }

    private void readMore() {
        try {
            int n = in.read(chunk);
            if (n < 0) {
                throw new IllegalStateException("the simulator closed the connection");
            }
            received.writeBytes(chunk, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        received.release();
        try {
            socket.close();
        } catch (IOException ignored) {
            // a benchmark socket: nothing to do about it
        }
    }
}

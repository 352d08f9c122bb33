package dev.dtcharness.features.reliability;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.WireFormats;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;

/** A hostile or careless peer: a blocking socket that writes whatever bytes it is told to and reads only when asked. */
final class RawPeer implements AutoCloseable {
    private final Socket socket;

    RawPeer(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] frame(DtcMessage m, DtcEncoding encoding) {
        ByteBuf out = Unpooled.buffer();
        try {
            WireFormats.of(encoding).writeFrame(m, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    void write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** True once the other side closed: reads (and drops) whatever it sent first. */
    boolean isClosedByPeer() {
        try {
            byte[] sink = new byte[8192];
            socket.setSoTimeout(50);
            while (true) {
                if (socket.getInputStream().read(sink) < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // a test peer going away: nothing to report
        }
    }
}

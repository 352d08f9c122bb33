package dev.dtcharness.simulator;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.DtcFraming;
import dev.dtcharness.protocol.codec.WireFormat;
import dev.dtcharness.protocol.codec.WireFormats;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A deliberately plain DTC peer for simulator tests: a blocking socket and the protocol's wire
 * formats, nothing of the production client, so the simulator is tested as any foreign client sees it.
 */
final class WireClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final ByteBuf received = Unpooled.buffer();
    private WireFormat format;

    WireClient(int port, DtcEncoding encoding) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5_000);
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        format = WireFormats.of(encoding);
    }

    /** Changes the encoding of everything written and read from now on. */
    void switchTo(DtcEncoding encoding) {
        format = WireFormats.of(encoding);
    }

    WireClient send(DtcMessage m) {
        ByteBuf out = Unpooled.buffer();
        try {
            format.writeFrame(m, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return sendRaw(bytes);
        } finally {
            out.release();
        }
    }

    WireClient sendRaw(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WireClient sendRaw(String text) {
        return sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next decoded message; fails when none arrives within the socket timeout. */
    DtcMessage receive() {
        while (true) {
            ByteBuf frame = format.nextFrame(received, DtcFraming.DEFAULT_MAX_FRAME);
            if (frame != null && frame.isReadable()) {
                Object decoded = format.decode(frame);
                received.discardReadBytes();
                if (decoded instanceof DtcMessage m) {
                    return m;
                }
                continue;
            }
            if (frame == null && readMore() < 0) {
                throw new IllegalStateException("the simulator closed the connection");
            }
        }
    }

    /** Skips messages (heartbeats, position updates) until one matches. */
    DtcMessage receiveUntil(Predicate<DtcMessage> wanted) {
        while (true) {
            DtcMessage m = receive();
            if (wanted.test(m)) {
                return m;
            }
        }
    }

    DtcMessage receive(String name) {
        return receiveUntil(m -> m.is(name));
    }

    /** True once the simulator has closed the connection (end of stream), reading whatever comes before. */
    boolean closedWithin(Duration timeout) {
        try {
            setTimeout(timeout);
            while (true) {
                if (readMore() < 0) {
                    return true;
                }
            }
        } catch (UncheckedIOException e) {
            return e.getCause() instanceof IOException && !(e.getCause() instanceof SocketTimeoutException);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True when no whole message arrives within {@code timeout} (the connection stays open). */
    boolean nothingWithin(Duration timeout) {
        int before = timeout();
        setTimeout(timeout);
        try {
            receive();
            return false;
        } catch (IllegalStateException e) {
            return e.getCause() instanceof SocketTimeoutException;
        } finally {
            setTimeout(Duration.ofMillis(before));
        }
    }

    boolean isOpen() {
        return socket.isConnected() && !socket.isClosed();
    }

    /** Exactly {@code n} raw bytes, whatever they are. */
    byte[] readRawBytes(int n) {
        while (received.readableBytes() < n) {
            if (readMore() < 0) {
                throw new IllegalStateException("the simulator closed the connection after "
                        + received.readableBytes() + " of " + n + " bytes");
            }
        }
        byte[] bytes = new byte[n];
        received.readBytes(bytes);
        received.discardReadBytes();
        return bytes;
    }

    /** Whatever arrived but was not read as a message. */
    String leftover() {
        return received.toString(StandardCharsets.UTF_8);
    }

    WireClient logOn() {
        DtcMessage response = tryLogOn(DtcMessage.of("LOGON_REQUEST").set("ProtocolVersion", 8)
                .set("HeartbeatIntervalInSeconds", 10).set("ClientName", "wire-client"));
        if (!response.enumName("Result").equals("LOGON_SUCCESS")) {
            throw new IllegalStateException("logon failed: " + response);
        }
        return this;
    }

    /** Sends this LOGON_REQUEST and returns the LOGON_RESPONSE, whatever its Result. */
    DtcMessage tryLogOn(DtcMessage request) {
        send(request);
        return receive("LOGON_RESPONSE");
    }

    private int readMore() {
        byte[] chunk = new byte[4096];
        try {
            int n = in.read(chunk);
            if (n > 0) {
                received.writeBytes(chunk, 0, n);
            }
            return n;
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("no message from the simulator within " + timeout() + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setTimeout(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int timeout() {
        try {
            return socket.getSoTimeout();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        received.release();
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket: nothing to do about it
        }
    }
}

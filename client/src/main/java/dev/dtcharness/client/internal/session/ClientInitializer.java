package dev.dtcharness.client.internal.session;

import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.codec.DtcCodec;
import dev.dtcharness.protocol.spec.MessageSpec;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Builds one connection's pipeline: the DTC codec first (binary until the encoding request
 * sequence says otherwise), then loss detection, then the session logic.
 */
final class ClientInitializer extends ChannelInitializer<SocketChannel> {
    /** The {@link IdleStateHandler}'s name in the pipeline. */
    public static final String IDLE = "idle";
    /** The {@link SessionHandler}'s name in the pipeline. */
    public static final String SESSION = "session";

    /** The trace handler's name, present when {@link DtcClientConfig#trace()} is on. */
    public static final String TRACE = "trace";

    private final DtcClientConfig config;
    private final String address;
    private final SessionHandler session;
    private final Predicate<MessageSpec> lettingGo;

    /**
     * One initializer per connection: the session handler holds that connection's state. Binary frames
     * of the types {@code lettingGo} accepts are decoded into one message per type (see
     * {@link DtcCodec#reuseDecoded}); {@code spec -> false} for a message per frame.
     */
    public ClientInitializer(DtcClientConfig config, String address, SessionHandler session,
                             Predicate<MessageSpec> lettingGo) {
        this.config = config;
        this.address = address;
        this.session = session;
        this.lettingGo = lettingGo;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        // Twice the heartbeat interval without a single message means the server is gone (FACTS 2.4).
        long readerIdleSeconds = 2L * config.connection().heartbeatIntervalSeconds();
        if (config.connection().tls() != null) {
            int colon = address.lastIndexOf(':');
            ch.pipeline().addLast("tls", config.connection().tls().newHandler(ch.alloc(), address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))));
        }
        ch.pipeline().addLast(DtcCodec.NAME, DtcCodec.fixed(DtcEncoding.BINARY_ENCODING).reuseDecoded(lettingGo));
        if (config.connection().trace()) {
            ch.pipeline().addLast(TRACE, new DtcTraceHandler(address));
        }
        ch.pipeline()
                .addLast(IDLE, new IdleStateHandler(readerIdleSeconds, 0, 0, TimeUnit.SECONDS))
                .addLast(SESSION, session);
    }
}

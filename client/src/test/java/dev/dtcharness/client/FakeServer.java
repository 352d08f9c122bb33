package dev.dtcharness.client;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.DtcCodec;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A minimal DTC server for client tests: the client module must not depend on the simulator, and
 * a test wants to script exactly which bytes the client sees. Grants any encoding, answers logon
 * with LOGON_SUCCESS, and hands every other message to the test's {@code onMessage}.
 */
final class FakeServer implements AutoCloseable {
    /** What the server does with a message the test cares about; {@code reply} writes back to that client. */
    interface Behaviour extends BiConsumer<DtcMessage, Peer> {
    }

    /** The server end of one client connection. */
    record Peer(Channel channel) {
        void send(DtcMessage m) {
            channel.writeAndFlush(m);
        }
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final List<DtcMessage> received = new CopyOnWriteArrayList<>();
    private volatile DtcMessage logonResponse = DtcMessage.of("LOGON_RESPONSE").setEnum("Result", "LOGON_SUCCESS")
            .set("ServerName", "fake").set("TradingIsSupported", 1);
    private volatile boolean answerLogon = true;
    private volatile Peer loggedOn;

    FakeServer(Behaviour onMessage) {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(DtcCodec.NAME, DtcCodec.detecting()).addLast(new Handler(onMessage));
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Every message received, session messages included, in arrival order. */
    List<DtcMessage> received() {
        return received;
    }

    /** Sends an unsolicited message to the client that logged on last. */
    void push(DtcMessage m) {
        if (loggedOn == null) {
            throw new IllegalStateException("no client has logged on");
        }
        loggedOn.send(m);
    }

    FakeServer refuseLogon(String text) {
        logonResponse = DtcMessage.of("LOGON_RESPONSE").setEnum("Result", "LOGON_ERROR").set("ResultText", text);
        return this;
    }

    FakeServer neverAnswerLogon() {
        answerLogon = false;
        return this;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<Object> {
        private final Behaviour onMessage;

        Handler(Behaviour onMessage) {
            this.onMessage = onMessage;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            DtcMessage m = (DtcMessage) msg;
            received.add(m);
            Peer peer = new Peer(ctx.channel());
            if (m.is("ENCODING_REQUEST")) {
                DtcEncoding asked = DtcEncoding.ofCode(m.getLong("Encoding"));
                peer.send(DtcMessage.of("ENCODING_RESPONSE").set("Encoding", asked.code()).set("ProtocolType", "DTC"));
                ((DtcCodec) ctx.pipeline().get(DtcCodec.NAME)).switchTo(asked);
            } else if (m.is("LOGON_REQUEST")) {
                if (answerLogon) {
                    peer.send(logonResponse);
                    loggedOn = peer;
                }
            } else if (!m.is("HEARTBEAT")) {
                onMessage.accept(m, peer);
            }
        }
    }
}

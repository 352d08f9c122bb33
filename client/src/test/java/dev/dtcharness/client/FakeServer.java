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
    private final java.util.Queue<DtcMessage> nextLogonResponses = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final io.netty.channel.group.ChannelGroup clients =
            new io.netty.channel.group.DefaultChannelGroup(io.netty.util.concurrent.GlobalEventExecutor.INSTANCE);
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean hangUpOnConnect;
    private volatile boolean answerEncoding = true;
    private volatile DtcEncoding grantedEncoding;

    FakeServer(Behaviour onMessage) {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.incrementAndGet();
                        if (hangUpOnConnect) {
                            ch.close();
                            return;
                        }
                        clients.add(ch);
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
        if (loggedOn == null || !loggedOn.channel().isActive()) {
            throw new IllegalStateException("no client has logged on");
        }
        loggedOn.send(m);
    }

    /** How many TCP connections were accepted, hung-up ones included. */
    int connections() {
        return connections.get();
    }

    /** Stops (false) or resumes (true) reading from every client connection, as a server that hangs would. */
    void reading(boolean on) {
        clients.forEach(c -> c.config().setAutoRead(on));
    }

    /** Closes every client connection now, as a crashed or restarted server would. */
    void dropClients() {
        clients.close().awaitUninterruptibly();
    }

    /** Resets every client connection (TCP RST), as a server killed or a network dropping it would. */
    void resetClients() {
        clients.forEach(c -> c.config().setOption(io.netty.channel.ChannelOption.SO_LINGER, 0));
        clients.close().awaitUninterruptibly();
    }

    /** From now on accept each connection and close it at once (or stop doing so). */
    FakeServer hangUpOnConnect(boolean on) {
        hangUpOnConnect = on;
        return this;
    }

    /** The next logon is answered with this LOGON_RESPONSE instead of LOGON_SUCCESS; later ones as before. */
    FakeServer nextLogonAnswer(DtcMessage response) {
        nextLogonResponses.add(response);
        return this;
    }

    FakeServer answerLogon(boolean on) {
        answerLogon = on;
        return this;
    }

    /** Never answers ENCODING_REQUEST. */
    FakeServer neverAnswerEncoding() {
        answerEncoding = false;
        return this;
    }

    /** Answers every ENCODING_REQUEST with this encoding, as a server that refuses the one asked for. */
    FakeServer grantOnly(DtcEncoding encoding) {
        grantedEncoding = encoding;
        return this;
    }

    /** The messages received of that name, in arrival order. */
    List<DtcMessage> received(String name) {
        return received.stream().filter(m -> m.is(name)).toList();
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
                if (!answerEncoding) {
                    return;
                }
                DtcEncoding asked = grantedEncoding != null ? grantedEncoding : DtcEncoding.ofCode(m.getLong("Encoding"));
                peer.send(DtcMessage.of("ENCODING_RESPONSE").set("Encoding", asked.code()).set("ProtocolType", "DTC"));
                ((DtcCodec) ctx.pipeline().get(DtcCodec.NAME)).switchTo(asked);
            } else if (m.is("LOGON_REQUEST")) {
                DtcMessage scripted = nextLogonResponses.poll();
                if (scripted != null) {
                    if (scripted.enumName("Result").equals("LOGON_SUCCESS")) {
                        loggedOn = peer;
                    }
                    peer.send(scripted);
                    if (!scripted.enumName("Result").equals("LOGON_SUCCESS")) {
                        // A refused logon: the server closes the connection (FACTS 2.1).
                        ctx.channel().eventLoop().schedule(() -> ctx.close(), 50, java.util.concurrent.TimeUnit.MILLISECONDS);
                    }
                } else if (answerLogon) {
                    loggedOn = peer;
                    peer.send(logonResponse);
                }
            } else if (!m.is("HEARTBEAT")) {
                onMessage.accept(m, peer);
            }
        }
    }
}

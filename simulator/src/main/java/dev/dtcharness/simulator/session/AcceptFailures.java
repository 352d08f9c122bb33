package dev.dtcharness.simulator.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a listening channel: a failed accept (out of file descriptors, EMFILE "Too many open
 * files") is the machine's state, not a bug, and the port keeps listening (Netty's acceptor, just before
 * this handler, pauses accepting for a second and tries again). One WARN line when accepting starts to
 * fail, then at most one a minute with the count, instead of a stack trace per attempt at the pipeline's tail.
 */
@ChannelHandler.Sharable
public final class AcceptFailures extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(AcceptFailures.class);
    static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String what;
    private final AtomicLong failures = new AtomicLong();
    private volatile long lastLineNanos;

    private AcceptFailures(String what) {
        this.what = what;
    }

    /** Adds it at the end of a bound listening channel, after Netty's acceptor. */
    public static void watch(Channel listening, String what) {
        listening.pipeline().addLast("accept-failures", new AcceptFailures(what));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        long unsaid = failures.getAndIncrement();
        long now = System.nanoTime();
        long last = lastLineNanos;
        if (last == 0 || now - last >= QUIET_NANOS) {
            lastLineNanos = now == 0 ? 1 : now;
            failures.set(0);
            int port = ctx.channel().localAddress() instanceof InetSocketAddress a ? a.getPort() : -1;
            LOG.warn("{} on port {}: cannot accept a connection: {}{}; still listening, accepting again in 1 s",
                    what, port, Failures.plain(cause), unsaid > 0 ? " (and " + unsaid + " times since the last line)" : "");
        }
    }
}

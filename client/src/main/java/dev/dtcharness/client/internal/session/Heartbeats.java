package dev.dtcharness.client.internal.session;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Sends HEARTBEAT at the interval the client asked for in LOGON_REQUEST (FACTS 2.4). */
final class Heartbeats {
    private final int intervalSeconds;
    private ScheduledFuture<?> task;

    Heartbeats(int intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
    }

    /** Call on the event loop once logged on; the task runs there too, so it needs no locking. */
    void start(ChannelHandlerContext ctx) {
        stop();
        task = ctx.executor().scheduleAtFixedRate(
                () -> ctx.writeAndFlush(SessionMessages.heartbeat()).addListener(ChannelFutureListener.CLOSE_ON_FAILURE),
                intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}

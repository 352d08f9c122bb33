package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.local.LocalChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A borrowed message is written at once on the loop, and queued as a copy anywhere else. */
class WriteBatcherTest {
    private final DefaultEventLoopGroup loops = new DefaultEventLoopGroup(1);
    /** What each write said when it reached the end of the pipeline, as an encoder would read it. */
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final LocalChannel channel = new LocalChannel();

    @AfterEach
    void stop() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    @Test
    void shouldQueueACopyOfABorrowedMessageSentFromAnotherThread() throws Exception {
        WriteBatcher writes = start();
        CountDownLatch busy = new CountDownLatch(1);
        // The loop is busy, so whatever is sent now waits in the queue while the sender fills its message again.
        channel.eventLoop().execute(() -> awaitQuietly(busy));
        DtcMessage reused = DtcMessage.of("HEARTBEAT").set("NumDroppedMessages", 1);
        writes.sendBorrowed(reused);
        reused.set("NumDroppedMessages", 2);
        writes.sendBorrowed(reused);
        reused.set("NumDroppedMessages", 3);
        busy.countDown();
        channel.eventLoop().submit(() -> { }).get(5, TimeUnit.SECONDS);

        assertThat(written).containsExactly("HEARTBEAT 1", "HEARTBEAT 2");
    }

    @Test
    void shouldWriteABorrowedMessageAtOnceOnTheLoop() throws Exception {
        WriteBatcher writes = start();
        DtcMessage reused = DtcMessage.of("HEARTBEAT");
        channel.eventLoop().submit(() -> {
            writes.sendBorrowed(reused.set("NumDroppedMessages", 1));
            assertThat(written).as("written before sendBorrowed returned").containsExactly("HEARTBEAT 1");
            writes.sendBorrowed(reused.set("NumDroppedMessages", 2));
        }).get(5, TimeUnit.SECONDS);

        assertThat(written).containsExactly("HEARTBEAT 1", "HEARTBEAT 2");
    }

    private WriteBatcher start() throws InterruptedException {
        channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                DtcMessage m = (DtcMessage) msg;
                written.add(m.name() + " " + m.getLong("NumDroppedMessages"));
                promise.trySuccess();
            }
        });
        loops.register(channel).sync();
        return new WriteBatcher(channel);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

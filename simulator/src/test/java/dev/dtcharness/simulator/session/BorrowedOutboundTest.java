package dev.dtcharness.simulator.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.protocol.message.OrderUpdate;
import dev.dtcharness.simulator.fault.OrderUpdateFaults;
import dev.dtcharness.simulator.fault.OutboundGate;
import dev.dtcharness.simulator.journal.Journal;
import dev.dtcharness.simulator.journal.JournalEntry;
import dev.dtcharness.simulator.journal.JournalHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exchange writes each update into one message it reuses and lends it to {@link Session#sendBorrowed}:
 * whatever keeps it past that call must keep a copy. Each test fills the lent message again right after
 * the send and checks that one holder (the journal, the delay fault, the reorder fault, the queue to the
 * session's loop) still tells what was sent. The session is a real one on an accepted socket; the
 * pipeline holds the simulator's own outbound handlers, in its order, with a recorder at the head that
 * notes each update's ServerOrderID as it would be encoded.
 */
class BorrowedOutboundTest {
    private final EventLoopGroup loop = new NioEventLoopGroup(1);
    private final Journal journal = new Journal(100);
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Channel> accepted = new CompletableFuture<>();
    private Socket client;
    private Channel server;
    private Session session;

    @BeforeEach
    void connect() throws Exception {
        server = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new Recorder())
                                .addLast(new JournalHandler(journal, 1))
                                .addLast(new OutboundGate())
                                .addLast(new OrderUpdateFaults(new LongAdder(), new LongAdder()));
                        accepted.complete(ch);
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        client = new Socket("127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort());
        session = new Session(1, accepted.get(5, TimeUnit.SECONDS), 42);
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        server.close().sync();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void shouldJournalWhatWasSentThoughTheSenderFillsItAgain() {
        OrderUpdate reused = new OrderUpdate().setServerOrderID("S1");
        onLoop(() -> {
            session.sendBorrowed(reused);
            reused.setServerOrderID("S2");
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 1);
        assertThat(journal.entries()).extracting(JournalEntry::message).extracting(m -> m.getString("ServerOrderID"))
                .as("the journal's entry is its own copy").containsExactly("S1");
    }

    @Test
    void shouldWriteADelayedMessageAsItWasWhenSent() {
        OrderUpdate reused = new OrderUpdate().setServerOrderID("S1");
        onLoop(() -> {
            session.pipeline().get(OutboundGate.class).delayNth(1, 50);
            session.sendBorrowed(reused);
            reused.setServerOrderID("S2");
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 1);
        assertThat(written).as("the delay fault holds a copy").containsExactly("S1");
    }

    @Test
    void shouldWriteAReorderedUpdateAsItWasWhenSent() {
        OrderUpdate reused = new OrderUpdate().setServerOrderID("S1");
        onLoop(() -> {
            session.pipeline().channel().write(new OrderUpdateFaults.Arm(0, 1, 5_000));
            session.sendBorrowed(reused);
            session.sendBorrowed(reused.setServerOrderID("S2"));
            reused.setServerOrderID("S3");
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 2);
        assertThat(written).as("the held-back update is a copy, overtaken by the next").containsExactly("S2", "S1");
    }

    @Test
    void shouldQueueACopyForTheSessionsLoopWhenSentFromAnotherThread() throws Exception {
        CountDownLatch loopBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        session.runOnLoop(() -> {
            loopBusy.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> release.getCount() == 0);
        });
        assertThat(loopBusy.await(5, TimeUnit.SECONDS)).isTrue();

        // The loop is busy: the send can only queue, and the loop writes once the sender has refilled the message.
        OrderUpdate reused = new OrderUpdate().setServerOrderID("S1");
        session.sendBorrowed(reused);
        reused.setServerOrderID("S2");
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 1);
        assertThat(written).as("the queue to the session's loop holds a copy").containsExactly("S1");
    }

    private void onLoop(Runnable r) {
        session.runOnLoop(r);
    }

    /** Stands for the codec: notes each update's ServerOrderID when it is written, keeps nothing. */
    private final class Recorder extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof OrderUpdate u) {
                written.add(u.serverOrderID());
            }
            ReferenceCountUtil.release(msg);
            promise.trySuccess();
        }
    }
}

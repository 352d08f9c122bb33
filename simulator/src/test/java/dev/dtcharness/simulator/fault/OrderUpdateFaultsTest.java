package dev.dtcharness.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class OrderUpdateFaultsTest {
    private final LongAdder duplicated = new LongAdder();
    private final LongAdder reordered = new LongAdder();
    private final EmbeddedChannel channel = new EmbeddedChannel(new OrderUpdateFaults(duplicated, reordered));

    @Test
    void shouldSendTheNextOrderUpdateTwiceAndLeaveOtherMessagesAlone() {
        channel.writeOutbound(new OrderUpdateFaults.Arm(1, 0, 100));
        channel.writeOutbound(heartbeat(), update("S1", 4), update("S2", 7));

        assertThat(sent()).containsExactly("HEARTBEAT", "ORDER_UPDATE S1 4", "ORDER_UPDATE S1 4", "ORDER_UPDATE S2 7");
        assertThat(duplicated.sum()).isEqualTo(1);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldSendAHeldOrderUpdateRightAfterTheOneBehindIt() {
        channel.writeOutbound(new OrderUpdateFaults.Arm(0, 1, 10_000));
        channel.writeOutbound(update("S1", 2), heartbeat(), update("S1", 4), update("S1", 7));

        assertThat(sent()).containsExactly("HEARTBEAT", "ORDER_UPDATE S1 4", "ORDER_UPDATE S1 2", "ORDER_UPDATE S1 7");
        assertThat(reordered.sum()).isEqualTo(1);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldHoldBackACopyOfAnUpdateItsSenderFillsAgainOnceTheWriteReturns() {
        // Past the faults, as the codec would, each message is read when it is written.
        EmbeddedChannel encoding = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                ctx.write(describe(msg), promise);
            }
        }, new OrderUpdateFaults(duplicated, reordered));
        encoding.writeOutbound(new OrderUpdateFaults.Arm(0, 1, 10_000));
        DtcMessage reused = update("S1", 2);
        encoding.writeOutbound(reused);
        encoding.writeOutbound(reused.set("OrderStatus", 4));
        encoding.writeOutbound(reused.set("OrderStatus", 7));

        List<Object> out = new ArrayList<>();
        for (Object m; (m = encoding.readOutbound()) != null; ) {
            out.add(m);
        }
        assertThat(out).containsExactly("ORDER_UPDATE S1 4", "ORDER_UPDATE S1 2", "ORDER_UPDATE S1 7");
        assertThat(encoding.finish()).isFalse();
    }

    @Test
    void shouldSendAHeldUpdateLateRatherThanNeverWhenNothingOvertakesIt() {
        channel.writeOutbound(new OrderUpdateFaults.Arm(0, 1, 200));
        channel.writeOutbound(update("S1", 7));
        assertThat(sent()).isEmpty();

        channel.advanceTimeBy(200, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertThat(sent()).containsExactly("ORDER_UPDATE S1 7");
        assertThat(reordered.sum()).as("late, not reordered").isZero();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldFailTheHeldWriteWhenTheSessionCloses() {
        channel.writeOutbound(new OrderUpdateFaults.Arm(0, 1, 10_000));
        var write = channel.writeAndFlush(update("S1", 4));

        channel.close();

        assertThat(write.isDone() && !write.isSuccess()).isTrue();
        assertThat(sent()).isEmpty();
    }

    private List<String> sent() {
        List<String> out = new ArrayList<>();
        for (Object m; (m = channel.readOutbound()) != null; ) {
            out.add(describe(m));
        }
        return out;
    }

    static String describe(Object m) {
        DtcMessage d = (DtcMessage) m;
        return d.is("ORDER_UPDATE") ? d.name() + " " + d.getString("ServerOrderID") + " " + d.getInt("OrderStatus") : d.name();
    }

    static DtcMessage update(String serverOrderId, int status) {
        return DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", serverOrderId).set("OrderStatus", status);
    }

    private static DtcMessage heartbeat() {
        return DtcMessage.of("HEARTBEAT");
    }
}

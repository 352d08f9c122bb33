package dev.dtcharness.simulator.fault;

import static dev.dtcharness.simulator.fault.OrderUpdateFaultsTest.describe;
import static dev.dtcharness.simulator.fault.OrderUpdateFaultsTest.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboundGateTest {
    private final OutboundGate gate = new OutboundGate();
    // Past the gate, as the codec would, each message is read when it is written.
    private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ctx.write(describe(msg), promise);
        }
    }, gate);

    @Test
    void shouldDelayTheNthMessageAndTheOnesBehindItInOrder() {
        gate.delayNth(2, 100);
        channel.writeOutbound(update("S1", 2));
        channel.writeOutbound(update("S1", 4), update("S1", 7));
        assertThat(sent()).containsExactly("ORDER_UPDATE S1 2");

        channel.advanceTimeBy(100, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertThat(sent()).containsExactly("ORDER_UPDATE S1 4", "ORDER_UPDATE S1 7");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void shouldDelayCopiesOfMessagesTheirSenderFillsAgainOnceTheWriteReturns() {
        gate.delayNth(1, 100);
        DtcMessage reused = update("S1", 2);
        channel.writeOutbound(reused);
        channel.writeOutbound(reused.set("OrderStatus", 4));
        channel.writeOutbound(reused.set("OrderStatus", 7));

        channel.advanceTimeBy(100, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertThat(sent()).containsExactly("ORDER_UPDATE S1 2", "ORDER_UPDATE S1 4", "ORDER_UPDATE S1 7");
        assertThat(channel.finish()).isFalse();
    }

    private List<Object> sent() {
        List<Object> out = new ArrayList<>();
        for (Object m; (m = channel.readOutbound()) != null; ) {
            out.add(m);
        }
        return out;
    }
}

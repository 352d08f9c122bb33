package dev.dtcharness.simulator.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.simulator.TickingClock;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadPassClockTest {
    private final TickingClock wall = new TickingClock(1_000);
    private final ReadPassClock clock = new ReadPassClock(wall);
    private final List<Long> seen = new ArrayList<>();

    @Test
    void shouldGiveEverythingDoneForOneReadTheTimeThatReadBegan() {
        EmbeddedChannel ch = new EmbeddedChannel(new ReadPassPin(clock), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                // What the journal and the exchange do for one order: several readings.
                seen.add(clock.millis());
                seen.add(clock.millis());
                seen.add(clock.instant().toEpochMilli());
            }
        });

        ch.writeInbound("first read");
        ch.writeInbound("second read");

        assertThat(seen).containsExactly(1_000L, 1_000L, 1_000L, 1_001L, 1_001L, 1_001L);
        assertThat(wall.readings()).as("one reading of the wall clock per read").isEqualTo(2);
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldReadTheWallClockAgainEvery32TimestampsInALongRead() {
        EmbeddedChannel ch = new EmbeddedChannel(new ReadPassPin(clock), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                for (int i = 0; i < 100; i++) {
                    seen.add(clock.millis());
                }
            }
        });

        ch.writeInbound("a read with a hundred orders' timestamps");

        assertThat(seen.subList(0, 32)).containsOnly(1_000L);
        assertThat(seen.subList(32, 64)).containsOnly(1_001L);
        assertThat(seen.subList(64, 96)).containsOnly(1_002L);
        assertThat(seen.subList(96, 100)).containsOnly(1_003L);
        assertThat(wall.readings()).isEqualTo(4);
        ch.finishAndReleaseAll();
    }

    @Test
    void shouldReadTheWallClockEachTimeOutsideARead() {
        assertThat(clock.millis()).isEqualTo(1_000L);
        assertThat(clock.millis()).isEqualTo(1_001L);
        EmbeddedChannel ch = new EmbeddedChannel(new ReadPassPin(clock), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                throw new IllegalStateException("a handler that fails mid-read");
            }
        });
        ch.pipeline().fireChannelRead("read");

        assertThat(clock.millis()).as("a failed read leaves the clock unpinned").isEqualTo(1_003L);
        assertThatThrownBy(ch::checkException).hasMessage("a handler that fails mid-read");
        ch.finishAndReleaseAll();
    }
}

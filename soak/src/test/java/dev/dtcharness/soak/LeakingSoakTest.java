package dev.dtcharness.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.message.OrderUpdate;
import dev.dtcharness.soak.verdict.Verdict;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the soak can fail: an app listener that leaks makes the verdict FAIL and names the evidence. */
class LeakingSoakTest {

    @Test
    void shouldFailTheHeapLayerWhenAListenerRetainsEveryUpdate(@TempDir Path reports) {
        List<Object> retained = new ArrayList<>();
        SoakReport report = ShortSoakTest.shortSoak(reports, "retains-updates")
                // 4 KiB of "per-order context" per update the app forgets to drop: a classic cache leak.
                // The update is lent (one reused message), so an app that keeps it keeps a copy, as this one does.
                .orderHook((order, update) -> retained.add(new Object[]{update.copy(), order, new byte[4096]}))
                .run();

        assertThat(report.verdict()).as(report.headline()).isEqualTo(Verdict.FAIL);
        assertThat(report.layer("heap").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.bytesPerOrder()).isGreaterThan(ShortSoakTest.BUDGET_WITH_ORDER_BOOK);
        assertThat(report.growingClasses()).extracting(ClassGrowth::className).contains("[B", OrderUpdate.class.getName());
        assertThat(retained).isNotEmpty();
    }

    @Test
    void shouldFailTheBufferLayerWhenAListenerNeverReleasesABuffer(@TempDir Path reports) {
        List<ByteBuf> neverReleased = new ArrayList<>();
        SoakReport report;
        try {
            report = ShortSoakTest.shortSoak(reports, "unreleased-buffers")
                    .orderHook((order, update) -> {
                        if (order.isTerminal()) {
                            neverReleased.add(ByteBufAllocator.DEFAULT.buffer(64));
                        }
                    })
                    .run();
        } finally {
            neverReleased.forEach(ByteBuf::release);
        }

        assertThat(report.verdict()).as(report.headline()).isEqualTo(Verdict.FAIL);
        assertThat(report.layer("netty-buffers").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(report.samples().get(3).unreleasedBuffers() - report.samples().get(0).unreleasedBuffers())
                .as("one unreleased buffer per order, counted exactly").isEqualTo(900);
    }
}

package dev.dtcharness.soak.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClassHistogramTest {

    @Test
    void shouldParseGcClassHistogramLines() {
        String text = """
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:         40171        2011432  [B (java.base@17.0.15)
                   2:          2401         115248  dev.dtcharness.client.Order
                   3:         38906         933744  java.lang.String (java.base@17.0.15)
                Total         81478        3060424
                """;

        ClassHistogram h = ClassHistogram.parse(text);

        assertThat(h.instancesOf("dev.dtcharness.client.Order")).isEqualTo(2401);
        assertThat(h.bytesOf("[B")).isEqualTo(2011432);
        assertThat(h.instancesOf("java.lang.String")).isEqualTo(38906);
        assertThat(h.instancesOf("absent.Class")).isZero();
        assertThat(h.instances()).hasSize(3);
    }

    @Test
    void shouldReadTheLiveHistogramOfThisJvm() {
        ClassHistogram h = HeapProbe.classHistogram();

        assertThat(h.instancesOf("java.lang.String")).isPositive();
        assertThat(h.instancesOf("java.lang.Class")).isGreaterThan(1_000);
    }

    @Test
    void shouldRefuseTextWithoutClassLines() {
        assertThatThrownBy(() -> ClassHistogram.parse("GC.class_histogram is not supported"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no class lines");
    }

    @Test
    void shouldMeasureLiveHeapOnlyAfterAFullGc() {
        long live = HeapProbe.liveHeapAfterFullGc();

        assertThat(live).isPositive().isLessThan(Runtime.getRuntime().totalMemory() + 1);
    }
}

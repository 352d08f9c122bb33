package dev.dtcharness.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PositionTest {

    @Test
    void shouldAverageWhenAddingAndRealiseWhenReducing() {
        Position long3 = Position.FLAT.after(1, 100).after(2, 103);
        assertThat(long3).isEqualTo(new Position(3, 102));
        assertThat(long3.realisedBy(-2, 110)).isEqualTo(16);
        assertThat(long3.after(-2, 110)).isEqualTo(new Position(1, 102));
        assertThat(long3.realisedBy(1, 90)).as("adding realises nothing").isZero();
    }

    @Test
    void shouldOpenAtTheFillPriceWhenCrossingThroughFlat() {
        Position short1 = new Position(2, 100).after(-3, 95);
        assertThat(short1).isEqualTo(new Position(-1, 95));
        assertThat(new Position(2, 100).realisedBy(-3, 95)).as("only the 2 closed count").isEqualTo(-10);
        assertThat(new Position(-2, 100).realisedBy(2, 90)).as("a short gains when the price falls").isEqualTo(20);
    }
}

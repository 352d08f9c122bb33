package dev.dtcharness.client.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PositionTest {
    @Test
    void shouldAverageOpensAndRealiseClosesAtAverageCost() {
        Position p = Position.flat("A", "ES").plus(2, 100).plus(2, 104);

        assertThat(p.quantity()).isEqualTo(4);
        assertThat(p.averagePrice()).isEqualTo(102);

        Position closed = p.plus(-3, 110);
        assertThat(closed.quantity()).isEqualTo(1);
        assertThat(closed.averagePrice()).isEqualTo(102);
        assertThat(closed.realisedPnl()).isCloseTo(24, within(1e-9));
    }

    @Test
    void shouldOpenTheOtherSideAtTheFillPriceWhenCrossingFlat() {
        Position p = Position.flat("A", "ES").plus(1, 100).plus(-3, 95);

        assertThat(p.quantity()).isEqualTo(-2);
        assertThat(p.averagePrice()).isEqualTo(95);
        assertThat(p.realisedPnl()).isEqualTo(-5);
        assertThat(p.plus(2, 90).realisedPnl()).as("short 2 from 95 covered at 90").isEqualTo(5);
        assertThat(p.plus(2, 90).averagePrice()).isNaN();
    }
}

package dev.dtcharness.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {
    private final ClientOrderIds ids = new ClientOrderIds(3);

    @Test
    void shouldRefuseAnIdUsedWithinTheLastCapacityIds() {
        assertThat(ids.add("A")).isTrue();
        assertThat(ids.add("B")).isTrue();
        assertThat(ids.add("C")).isTrue();
        assertThat(ids.add("D")).isTrue();
        assertThat(ids.add("E")).isTrue();

        assertThat(ids.add("E")).as("the newest").isFalse();
        assertThat(ids.add("C")).as("three ids back").isFalse();
        assertThat(ids.add("A")).as("five back, still within twice the capacity").isFalse();
        assertThat(ids.all()).containsExactly("A", "B", "C", "D", "E");
    }

    @Test
    void shouldForgetTheOldestGenerationOnceTheNewerIsFull() {
        for (String id : new String[] {"A", "B", "C", "D", "E", "F"}) {
            assertThat(ids.add(id)).isTrue();
        }

        assertThat(ids.all()).as("A, B and C aged out together").containsExactly("D", "E", "F");
        assertThat(ids.add("A")).isTrue();
        assertThat(ids.add("F")).isFalse();
        ids.clear();
        assertThat(ids.add("F")).isTrue();
    }
}

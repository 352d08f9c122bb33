package dev.dtcharness.client.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.Side;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.DtcMessage;
import org.junit.jupiter.api.Test;

class FillDetectorTest {
    private static final DtcMessage UPDATE = DtcMessage.of("ORDER_UPDATE");
    private final FillDetector detector = new FillDetector(100);

    @Test
    void shouldReportEachFillAndTheEndOnceWhenTheBookSaysWhatChanged() {
        Order open = order("C1", OrderStatus.OPEN.value(), 0);
        Order filled = order("C1", OrderStatus.FILLED.value(), 2);
        detector.onFill(new Fill("E1", "S1", "C1", "ES", "SIM1", Side.BUY, 2, 100.5, 0, "ORDER_UPDATE"), filled);
        detector.onOrderChange(open, filled, UPDATE);
        detector.onOrderChange(filled, filled, UPDATE);

        assertThat(detector.events()).extracting(FillDetector.Event::kind)
                .as("the fill, then the end; the repeated FILLED finds the order ended already")
                .containsExactly(FillDetector.Kind.FILL, FillDetector.Kind.FILLED);
    }

    @Test
    void shouldReportACancelOfAnOrderTheBookHadNotHeardOf() {
        detector.onOrderChange(null, order("", OrderStatus.CANCELED.value(), 0), UPDATE);
        detector.onOrderChange(order("C2", OrderStatus.PARTIALLY_FILLED.value(), 1), order("C2", OrderStatus.OPEN.value(), 1), UPDATE);

        assertThat(detector.events(FillDetector.Kind.CANCELED)).hasSize(1);
        assertThat(detector.events()).as("a change that ends nothing is not an event").hasSize(1);
    }

    @Test
    void shouldRememberEndedOrdersWhenGivenOnlyTheSnapshot() {
        Order filled = order("C1", OrderStatus.FILLED.value(), 2);
        detector.onOrderUpdate(filled, UPDATE);
        detector.onOrderUpdate(filled, UPDATE);
        detector.onOrderUpdate(order("C2", OrderStatus.CANCELED.value(), 0), UPDATE);

        assertThat(detector.events()).extracting(e -> e.kind() + " " + e.order().clientOrderId())
                .containsExactly("FILLED C1", "CANCELED C2");
    }

    private static Order order(String clientOrderId, int status, double filled) {
        return new Order(clientOrderId, "S1", "ES", "", "SIM1", Side.BUY, 1, 100, 2, filled, 2 - filled, 100.5,
                Double.NaN, 0, "", status, 0, "", 1);
    }
}

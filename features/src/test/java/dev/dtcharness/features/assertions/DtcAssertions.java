package dev.dtcharness.features.assertions;

import dev.dtcharness.client.Order;
import dev.dtcharness.protocol.DtcMessage;
import org.assertj.core.api.Assertions;

/**
 * AssertJ's entry point with the harness's own assertions added: one static import gives
 * {@code assertThat(order).isFilled().at(4500.25)} and
 * {@code assertThat(update).isOfType("ORDER_UPDATE").hasField("OrderStatus", "ORDER_STATUS_FILLED")}
 * beside everything AssertJ has.
 */
public class DtcAssertions extends Assertions {

    protected DtcAssertions() {
    }

    public static OrderAssert assertThat(Order actual) {
        return new OrderAssert(actual);
    }

    public static DtcMessageAssert assertThat(DtcMessage actual) {
        return new DtcMessageAssert(actual);
    }
}

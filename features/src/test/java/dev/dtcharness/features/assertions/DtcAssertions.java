package dev.dtcharness.features.assertions;

import dev.dtcharness.client.Order;
import dev.dtcharness.protocol.MessageView;
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

    /** A message, owned or lent (a view read during the call that lends it). */
    public static DtcMessageAssert assertThat(MessageView actual) {
        return new DtcMessageAssert(actual);
    }
}

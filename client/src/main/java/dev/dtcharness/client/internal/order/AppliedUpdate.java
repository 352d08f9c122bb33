package dev.dtcharness.client.internal.order;

import dev.dtcharness.client.Transition;
import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;

/**
 * What one ORDER_UPDATE or historical fill did to the book.
 *
 * @param transition null for a historical fill, which carries no status
 * @param newFill    the fill it reported, when not counted before; else null
 */
public record AppliedUpdate(Order before, Order after, Transition transition, Fill newFill, TrackedOrder order) {
}

package dev.dtcharness.client;

/** Hears each fill once, the first time the client learns of it; runs on the client's event loop thread. */
@FunctionalInterface
public interface FillListener {

    /** {@code order} is the book's snapshot with the fill counted, or null for a fill of an order the book never saw. */
    void onFill(Fill fill, Order order);
}

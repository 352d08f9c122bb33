package dev.dtcharness.client;

/** The two legs of a SUBMIT_NEW_OCO_ORDER (201): each is its own order, answered by its own ORDER_UPDATEs. */
public record OcoOrder(OrderHandle first, OrderHandle second) {
}

package dev.dtcharness.client;

/**
 * How the server answered a cancel (203) or cancel-replace (204).
 *
 * @param accepted true on ORDER_CANCELED / ORDER_CANCEL_REPLACE_COMPLETE
 * @param order    the order as it stood when the answer came
 * @param text     the server's InfoText, or why the client gave up
 */
public record ActionResult(boolean accepted, Order order, String text) {
}

package dev.dtcharness.simulator.script;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dtcharness.simulator.exchange.MarketValues;
import java.util.Objects;

/**
 * One thing the exchange does for an order that matched a rule, in file form
 * {@code {step: partial_fill, quantity: 1, price: 4500.25}}. Fields a kind does not use stay null.
 *
 * @param step     what to do
 * @param quantity PARTIAL_FILL: how much; GARBAGE: how many bytes; DUPLICATE, REORDER: how many updates (null: 1)
 * @param price    PARTIAL_FILL and FILL: at what price (null: the limit price, or the market price)
 * @param text     REJECT and CANCEL: InfoText; LOGOFF: Reason
 * @param millis   WAIT: how long; SILENCE: for how long; REORDER: longest hold (null: 200 ms)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(Kind step, Double quantity, Double price, String text, Long millis) {

    /** The kinds of step; file names are case-insensitive ({@code partial_fill}). */
    public enum Kind {
        /** NEW_ORDER_ACCEPTED with the configured accept variant. */
        ACCEPT,
        /** ORDER_FILLED_PARTIALLY for {@code quantity} (capped at what remains) at {@code price}. */
        PARTIAL_FILL,
        /** ORDER_FILLED for everything that remains, at {@code price}. */
        FILL,
        /** NEW_ORDER_REJECTED with {@code text}; an already accepted order is canceled instead. */
        REJECT,
        /** CANCELED / ORDER_CANCELED, as if canceled at the exchange. */
        CANCEL,
        /** Pause {@code millis} before the next step; the session meanwhile goes on. */
        WAIT,
        /** Fault: close the owner's connection cleanly. */
        DISCONNECT,
        /** Fault: close the owner's connection with a TCP reset. */
        RESET,
        /** Fault: the owner's session stops heartbeats and answers for {@code millis} (null: for good). */
        SILENCE,
        /** Fault: LOGOFF with DoNotReconnect = 1 and {@code text} as Reason, then close. */
        LOGOFF,
        /** Fault: {@code quantity} random (seeded) bytes on the owner's connection. */
        GARBAGE,
        /** Fault: the owner's next {@code quantity} (default 1) ORDER_UPDATEs each go out twice. */
        DUPLICATE,
        /** Fault: each of the owner's next {@code quantity} (default 1) ORDER_UPDATEs goes out after the one behind it. */
        REORDER
    }

    public Step {
        Objects.requireNonNull(step, "step (expected: one of accept, partial_fill, fill, reject, cancel, wait, "
                + "disconnect, reset, silence, logoff, garbage, duplicate, reorder)");
        if (step == Kind.PARTIAL_FILL && (quantity == null || MarketValues.quantityProblem("quantity", quantity) != null)) {
            throw new IllegalArgumentException("partial_fill needs a quantity above 0, at most 1e9 (found: " + quantity + ")");
        }
        // A fill price is judged as the exchange judges every value it takes: a scenario cannot book Infinity.
        String badPrice = price == null ? null : MarketValues.priceProblem("price", price);
        if (badPrice != null) {
            throw new IllegalArgumentException(step.name().toLowerCase(java.util.Locale.ROOT) + ": " + badPrice);
        }
        if (step == Kind.WAIT && (millis == null || millis < 0)) {
            throw new IllegalArgumentException("wait needs millis of 0 or more (found: " + millis + ")");
        }
        if (step == Kind.GARBAGE && (quantity == null || quantity < 1)) {
            throw new IllegalArgumentException("garbage needs a quantity (bytes) of 1 or more (found: " + quantity + ")");
        }
        if ((step == Kind.DUPLICATE || step == Kind.REORDER) && quantity != null && !(quantity >= 1)) {
            throw new IllegalArgumentException(step.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs a quantity (updates) of 1 or more, or none for 1 (found: " + quantity + ")");
        }
        if (step == Kind.REORDER && millis != null && millis < 0) {
            throw new IllegalArgumentException("reorder needs millis (longest hold) of 0 or more (found: " + millis + ")");
        }
    }

    public static Step accept() {
        return new Step(Kind.ACCEPT, null, null, null, null);
    }

    public static Step partialFill(double quantity, double price) {
        return new Step(Kind.PARTIAL_FILL, quantity, price, null, null);
    }

    /** A partial fill at the order's own price. */
    public static Step partialFill(double quantity) {
        return new Step(Kind.PARTIAL_FILL, quantity, null, null, null);
    }

    public static Step fill() {
        return new Step(Kind.FILL, null, null, null, null);
    }

    public static Step fill(double price) {
        return new Step(Kind.FILL, null, price, null, null);
    }

    public static Step reject(String text) {
        return new Step(Kind.REJECT, null, null, text, null);
    }

    public static Step cancel() {
        return new Step(Kind.CANCEL, null, null, null, null);
    }

    public static Step waitMillis(long millis) {
        return new Step(Kind.WAIT, null, null, null, millis);
    }

    public static Step disconnect() {
        return new Step(Kind.DISCONNECT, null, null, null, null);
    }

    public static Step reset() {
        return new Step(Kind.RESET, null, null, null, null);
    }

    public static Step silence(long millis) {
        return new Step(Kind.SILENCE, null, null, null, millis);
    }

    public static Step logoff(String reason) {
        return new Step(Kind.LOGOFF, null, null, reason, null);
    }

    public static Step garbage(int bytes) {
        return new Step(Kind.GARBAGE, (double) bytes, null, null, null);
    }

    /** The owner's next {@code updates} ORDER_UPDATEs each go out twice. */
    public static Step duplicate(int updates) {
        return new Step(Kind.DUPLICATE, (double) updates, null, null, null);
    }

    /** Each of the owner's next {@code updates} ORDER_UPDATEs goes out right after the one that follows it. */
    public static Step reorder(int updates) {
        return new Step(Kind.REORDER, (double) updates, null, null, null);
    }

    /** How many updates a DUPLICATE or REORDER step concerns. */
    @JsonIgnore
    public int updates() {
        return quantity == null ? 1 : quantity.intValue();
    }

    /** True for the steps that act on the connection rather than on the order. */
    @JsonIgnore
    public boolean isFault() {
        return step.ordinal() >= Kind.DISCONNECT.ordinal();
    }
}

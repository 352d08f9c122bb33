package dev.dtcharness.client;

/**
 * What {@code submit}, {@code cancel} and {@code replace} do while the client is reconnecting.
 * REFUSE (the default) throws a DtcClientException at once; QUEUE holds up to {@code limit}
 * messages and sends them, in order, right after the next logon (and refuses beyond the limit).
 * Before the first logon and after giving up, every order is refused.
 */
public record OfflineOrders(Mode mode, int limit) {

    public static final OfflineOrders REFUSE = new OfflineOrders(Mode.REFUSE, 0);

    /** Refuse or queue. */
    public enum Mode {
        REFUSE, QUEUE
    }

    public OfflineOrders {
        if (mode == Mode.QUEUE && limit < 1) {
            throw new IllegalArgumentException("an order queue needs a limit of at least 1, was " + limit);
        }
    }

    public static OfflineOrders queueUpTo(int limit) {
        return new OfflineOrders(Mode.QUEUE, limit);
    }
}

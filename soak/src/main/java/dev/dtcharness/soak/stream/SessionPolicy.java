package dev.dtcharness.soak.stream;

/**
 * When the soak drops the client's session between phases (the periodic-disconnect option). Today
 * the only way is to close the {@code DtcClient} and connect a new one ({@link #newClientEvery});
 * in-session reconnect (the client's reconnector, a simulator-side drop) plugs in here once it lands.
 */
public interface SessionPolicy {

    /** True when the session should be dropped and re-established before {@code phase} (1-based). */
    boolean reconnectBefore(int phase);

    /** One client and one session for the whole run. */
    static SessionPolicy keep() {
        return phase -> false;
    }

    /** Closes the client and connects a new one before every {@code n}-th phase. */
    static SessionPolicy newClientEvery(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("reconnect interval must be at least 1 phase, was " + n);
        }
        return phase -> phase > 1 && (phase - 1) % n == 0;
    }
}

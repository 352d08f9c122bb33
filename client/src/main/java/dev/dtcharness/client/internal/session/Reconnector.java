package dev.dtcharness.client.internal.session;

import dev.dtcharness.client.ReconnectPolicy;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a logged-on session is lost, decides whether and when to try again under the
 * {@link ReconnectPolicy}, and counts failed attempts; gives up on the policy's limit, on
 * LOGON_ERROR_NO_RECONNECT or a LOGOFF with DoNotReconnect, and follows LOGON_RECONNECT_NEW_ADDRESS
 * at once (FACTS 2.1, 2.5). Its methods run on the client's event loop.
 */
final class Reconnector {
    private static final Logger log = LoggerFactory.getLogger(Reconnector.class);

    /** What the reconnector asks of its client. */
    interface Connections {
        /** Opens connection attempt {@code attempt} to the current address. */
        void attempt(int attempt);

        /** Points the client at "host:port"; false when it is not one. */
        boolean moveTo(String hostPort);

        String address();

        /** The client will not come back: tell the listeners and fail what waits. */
        void gaveUp(String why, int failedAttempts);

        boolean closed();
    }

    private final ReconnectPolicy policy;
    private final EventLoopGroup loop;
    private final Connections connections;
    private final Random random = new Random();
    private volatile boolean reconnecting;
    private int failed;

    Reconnector(ReconnectPolicy policy, EventLoopGroup loop, Connections connections) {
        this.policy = policy;
        this.loop = loop;
        this.connections = connections;
    }

    /** Between losing a session and logging on again (or giving up). */
    boolean reconnecting() {
        return reconnecting;
    }

    int failedAttempts() {
        return failed;
    }

    /** A logon succeeded; true when it was a re-logon, which the client then reconciles. */
    boolean loggedOn() {
        boolean again = reconnecting;
        reconnecting = false;
        failed = 0;
        return again;
    }

    /** A session ended; only one that had logged on, or a retry, leads to another attempt. */
    void sessionEnded(SessionHandler handler) {
        if (connections.closed() || handler.closedByUs() || !(reconnecting || handler.wasLoggedOn())) {
            return;
        }
        failed = handler.wasLoggedOn() ? 0 : failed + 1;
        if (handler.mustNotReconnect()) {
            giveUp("the server said not to reconnect: " + handler.closeReason());
            return;
        }
        String newAddress = handler.reconnectAddress();
        schedule(!newAddress.isEmpty() && connections.moveTo(newAddress) ? Duration.ZERO : null);
    }

    /** The TCP connect of an attempt failed: no session ever started. */
    void connectFailed() {
        failed++;
        if (!connections.closed()) {
            schedule(null);
        }
    }

    private void schedule(Duration delay) {
        if (policy.exhausted(failed)) {
            giveUp(policy.enabled() ? failed + " reconnect attempt(s) failed" : "reconnecting is turned off");
            return;
        }
        reconnecting = true;
        int attempt = failed + 1;
        Duration wait = delay != null ? delay : policy.delayBefore(attempt, random);
        log.info("reconnecting to {} in {} ms (attempt {})", connections.address(), wait.toMillis(), attempt);
        loop.schedule(() -> {
            if (!connections.closed()) {
                connections.attempt(attempt);
            }
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void giveUp(String why) {
        reconnecting = false;
        connections.gaveUp(why, failed);
    }
}

package dev.dtcharness.simulator.fault;

import dev.dtcharness.simulator.exchange.SessionLink;
import dev.dtcharness.simulator.script.Step;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults on demand, for tests and the admin API: the same faults scenario steps can trigger
 * (duplicated and reordered ORDER_UPDATEs among them), plus refusing connections, delaying a
 * message and slicing frames. A session id of 0 means every
 * connected session.
 */
public final class SimulatorFaults {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorFaults.class);

    private final Supplier<Collection<? extends SessionLink>> sessions;
    private final IntFunction<SessionControl> control;
    private volatile long refuseUntilNanos;
    private volatile int sliceMaxBytes;
    private final LongAdder duplicated = new LongAdder();
    private final LongAdder reordered = new LongAdder();

    /** What faults need of a session beyond {@link SessionLink}. */
    public interface SessionControl {
        OutboundGate gate();

        FrameSlicer slicer();

        void runOnLoop(Runnable r);

        boolean inLoop();
    }

    public SimulatorFaults(Supplier<Collection<? extends SessionLink>> sessions, IntFunction<SessionControl> control) {
        this.sessions = sessions;
        this.control = control;
    }

    /** Closes the connection: cleanly (FIN), or with a TCP reset when {@code reset}. */
    public void disconnect(int sessionId, boolean reset) {
        apply(sessionId, reset ? Step.reset() : Step.disconnect());
    }

    /** LOGOFF with DoNotReconnect = 1 and this Reason, then close. */
    public void logoff(int sessionId, String reason) {
        apply(sessionId, Step.logoff(reason));
    }

    /** No heartbeats and no answers for {@code duration} (null: until the session ends). */
    public void silence(int sessionId, Duration duration) {
        apply(sessionId, new Step(Step.Kind.SILENCE, null, null, null, duration == null ? null : duration.toMillis()));
    }

    /** {@code bytes} random (seeded) bytes written into the stream. */
    public void sendGarbage(int sessionId, int bytes) {
        apply(sessionId, Step.garbage(bytes));
    }

    /** The {@code n}-th message sent from now (1 = the next) is held {@code delay}, and those after it behind it. */
    public void delayNthMessage(int sessionId, int n, Duration delay) {
        forEach(sessionId, s -> {
            SessionControl c = control.apply(s.id());
            c.runOnLoop(() -> c.gate().delayNth(n, delay.toMillis()));
            inForce(s);
        });
    }

    /** Each of the session's next {@code updates} ORDER_UPDATEs (301) goes out twice, as a retransmitting server sends it. */
    public void duplicateOrderUpdates(int sessionId, int updates) {
        apply(sessionId, Step.duplicate(updates));
    }

    /**
     * Each of the session's next {@code updates} ORDER_UPDATEs is held back and sent right after the
     * update that follows it (at most 200 ms later), so a client reads a newer update before an older one.
     */
    public void reorderOrderUpdates(int sessionId, int updates) {
        apply(sessionId, Step.reorder(updates));
    }

    /** ORDER_UPDATEs really sent twice so far, every session counted (a fault armed on a closing session may never act). */
    public long duplicatedUpdates() {
        return duplicated.sum();
    }

    /** ORDER_UPDATEs really sent after a newer one so far. */
    public long reorderedUpdates() {
        return reordered.sum();
    }

    /** For the sessions' {@link OrderUpdateFaults}. */
    public LongAdder duplicatedCounter() {
        return duplicated;
    }

    public LongAdder reorderedCounter() {
        return reordered;
    }

    /** From now on every session's (and every new session's) bytes go out in writes of 1 to {@code maxBytes}; 0 stops. */
    public void sliceFrames(int maxBytes) {
        sliceMaxBytes = maxBytes;
        forEach(0, s -> control.apply(s.id()).slicer().maxBytes(maxBytes));
        LOG.info("faults: outbound frames sliced into writes of at most {} bytes", maxBytes);
    }

    public int sliceMaxBytes() {
        return sliceMaxBytes;
    }

    /** New connections are accepted and closed at once (with a reset) for {@code duration}. */
    public void refuseConnectionsFor(Duration duration) {
        refuseUntilNanos = System.nanoTime() + duration.toNanos();
        LOG.info("faults: refusing new connections for {} ms", duration.toMillis());
    }

    public boolean refusingConnections() {
        return System.nanoTime() - refuseUntilNanos < 0;
    }

    /** Undoes lasting faults: refusal and slicing. */
    public void clear() {
        refuseUntilNanos = System.nanoTime();
        sliceFrames(0);
    }

    private void apply(int sessionId, Step fault) {
        forEach(sessionId, s -> {
            s.fault(fault);
            inForce(s);
        });
    }

    /**
     * Returns once the session's loop has run what was queued on it so far, so a fault asked for is
     * in force when the call returns: a test that silences a session and then sends an order must
     * not see the order answered because the loop read it before it ran the fault.
     */
    private void inForce(SessionLink s) {
        SessionControl c;
        try {
            c = control.apply(s.id());
        } catch (IllegalArgumentException gone) {
            return;
        }
        if (c.inLoop()) {
            return;
        }
        CompletableFuture<Void> ran = new CompletableFuture<>();
        try {
            c.runOnLoop(() -> ran.complete(null));
            ran.get(5, TimeUnit.SECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException closed) {
            // The session's loop is gone or stuck: the fault's effect, a closed session, is there anyway.
            LOG.debug("session {}: loop did not confirm the fault: {}", s.id(), closed.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forEach(int sessionId, java.util.function.Consumer<SessionLink> action) {
        boolean any = false;
        for (SessionLink s : sessions.get()) {
            if (sessionId == 0 || s.id() == sessionId) {
                action.accept(s);
                any = true;
            }
        }
        if (!any && sessionId != 0) {
            throw new IllegalArgumentException("no connected session " + sessionId);
        }
    }
}

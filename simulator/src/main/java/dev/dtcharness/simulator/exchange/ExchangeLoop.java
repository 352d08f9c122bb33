package dev.dtcharness.simulator.exchange;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread the exchange runs on, like a matching engine: state needs no locks and every
 * order's updates keep their order. That thread is a session event loop of the simulator's (or
 * one of its own, for tests of the engine alone): a session on that loop is answered in the same
 * pass that read its order (no hand-off, one flush per read); other threads hand their work to it.
 */
final class ExchangeLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeLoop.class);

    private final EventExecutor loop;
    private final boolean owned;
    // True while a piece of exchange work runs: work that arrives meanwhile (a channel closed by a
    // send, say) waits its turn instead of running inside the work that caused it.
    private boolean busy;

    ExchangeLoop(EventExecutor loop, boolean owned) {
        this.loop = loop;
        this.owned = owned;
    }

    boolean runsOn(EventExecutor executor) {
        return loop == executor;
    }

    /** Runs {@code work} on the exchange thread: at once when called there between two pieces of work, else later. */
    void execute(Runnable work) {
        if (!busy && loop.inEventLoop()) {
            runGuarded(work);
            return;
        }
        try {
            loop.execute(() -> runGuarded(work));
        } catch (RejectedExecutionException e) {
            // Only after close(): the simulator is stopping and nobody is left to answer.
            LOG.debug("exchange closed; work dropped");
        }
    }

    /**
     * As {@link #execute(Runnable)}, for work made of a method made once and its two arguments: run
     * at once, as it is for every order of a session on this loop, it costs no allocation (a lambda
     * capturing the arguments did, whenever the compiler did not see that it never escaped).
     */
    <A, B> void execute(BiConsumer<A, B> work, A a, B b) {
        if (!busy && loop.inEventLoop()) {
            busy = true;
            try {
                work.accept(a, b);
            } catch (RuntimeException e) {
                LOG.error("exchange: unexpected failure; state kept, the request is lost", e);
            } finally {
                busy = false;
            }
            return;
        }
        execute(() -> work.accept(a, b));
    }

    private void runGuarded(Runnable work) {
        boolean outer = !busy;
        busy = true;
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("exchange: unexpected failure; state kept, the request is lost", e);
        } finally {
            if (outer) {
                busy = false;
            }
        }
    }

    /** Runs {@code work} on the exchange thread and waits for its result (5 s at most). */
    <T> T call(Callable<T> work) {
        if (loop.inEventLoop()) {
            // A caller on the exchange's own loop (a listener in a session handler) would wait for itself.
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return loop.submit(work).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the exchange", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the exchange did not answer within 5 s", e);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the exchange is closed", e);
        }
    }

    /** Runs {@code work} on the exchange thread in {@code millis}. */
    void schedule(long millis, Runnable work) {
        try {
            loop.schedule(() -> execute(work), millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("exchange closed; timed step dropped");
        }
    }

    /**
     * Stops a thread of the engine's own and waits for its last work, so that no store event is half
     * written when the store closes. A shared loop is the caller's: it is shut down and finished before
     * the engine is closed (DtcSimulator.close).
     */
    void close() {
        if (owned) {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            loop.terminationFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }
}

package dev.dtcharness.client.internal.order;

import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.enums.OrderUpdateReason;

import dev.dtcharness.client.ActionResult;
import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderActionHandle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Cancels and replaces waiting for their answer, completed from the ORDER_UPDATEs the book applies:
 * the answer is an update reason on the order, not a message of its own (FACTS 3.2 E-H).
 */
public final class PendingActions {
    private final List<Pending> pending = new CopyOnWriteArrayList<>();

    /** Starts waiting for the answer to a cancel (203) or cancel-replace (204) of {@code order}. */
    public OrderActionHandle expect(String messageName, TrackedOrder order) {
        Pending p = new Pending(messageName, order);
        pending.add(p);
        return p;
    }

    /** Fails a request that never reached the server. */
    public void failed(OrderActionHandle handle, String why) {
        Pending p = (Pending) handle;
        pending.remove(p);
        p.future.complete(new ActionResult(false, p.order.current(), why));
    }

    /** Called for every change the book made; completes the requests it answers. */
    public void onApplied(AppliedUpdate applied) {
        if (applied.order() == null || applied.transition() == null) {
            return;
        }
        for (Pending p : pending) {
            if (p.order == applied.order() && p.answeredBy(applied)) {
                pending.remove(p);
            }
        }
    }

    private static final class Pending implements OrderActionHandle {
        private final String messageName;
        private final TrackedOrder order;
        private final CompletableFuture<ActionResult> future = new CompletableFuture<>();

        Pending(String messageName, TrackedOrder order) {
            this.messageName = messageName;
            this.order = order;
        }

        boolean answeredBy(AppliedUpdate a) {
            int reason = a.transition().reason();
            Order after = a.after();
            boolean cancel = messageName.equals("CANCEL_ORDER");
            int accepted = cancel ? OrderUpdateReason.ORDER_CANCELED.value() : OrderUpdateReason.ORDER_CANCEL_REPLACE_COMPLETE.value();
            int rejected = cancel ? OrderUpdateReason.ORDER_CANCEL_REJECTED.value() : OrderUpdateReason.ORDER_CANCEL_REPLACE_REJECTED.value();
            if (reason == accepted || (cancel && after.status() == OrderStatus.CANCELED.value())) {
                return future.complete(new ActionResult(true, after, after.infoText()));
            }
            if (reason == rejected) {
                return future.complete(new ActionResult(false, after, after.infoText()));
            }
            if (after.isTerminal()) {
                return future.complete(new ActionResult(false, after, "the order ended " + after.statusName()
                        + " before the server answered the " + messageName));
            }
            return false;
        }

        @Override
        public String messageName() {
            return messageName;
        }

        @Override
        public String clientOrderId() {
            return order.clientOrderId();
        }

        @Override
        public CompletableFuture<ActionResult> result() {
            return future.copy();
        }

        @Override
        public ActionResult await(Duration timeout) {
            try {
                return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new DtcClientException("no answer to " + messageName + " for order " + order.current().describe()
                        + " within " + timeout.toMillis() + " ms", e);
            } catch (ExecutionException e) {
                throw new DtcClientException(messageName + " failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DtcClientException("interrupted while waiting for " + messageName, e);
            }
        }
    }
}

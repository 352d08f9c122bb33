package dev.dtcharness.client.internal.routing;

import dev.dtcharness.client.internal.order.AppliedUpdate;
import dev.dtcharness.client.internal.order.PendingActions;
import dev.dtcharness.client.internal.store.Persistence;
import dev.dtcharness.client.track.PositionTracker;
import java.util.function.Consumer;

/**
 * The client's own bookkeeping for every change the book made, before any app listener hears of it:
 * positions first (so the state file saved next already holds the fill), then persistence, told what
 * changed, then the cancels and replaces waiting for their answer.
 */
public final class Bookkeeping implements Consumer<AppliedUpdate> {
    private final PositionTracker positions;
    private final Persistence persistence;
    private final PendingActions pending;

    public Bookkeeping(PositionTracker positions, Persistence persistence, PendingActions pending) {
        this.positions = positions;
        this.persistence = persistence;
        this.pending = pending;
    }

    @Override
    public void accept(AppliedUpdate applied) {
        if (applied.newFill() != null) {
            positions.onFill(applied.newFill(), applied.after());
        }
        if (persistence.enabled()) {
            persistence.record(applied, positions);
        }
        pending.onApplied(applied);
    }
}

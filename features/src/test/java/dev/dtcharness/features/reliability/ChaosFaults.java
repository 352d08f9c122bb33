package dev.dtcharness.features.reliability;

import dev.dtcharness.simulator.DtcSimulator;
import java.time.Duration;
import java.util.Random;

/**
 * The flaky network of {@link ChaosTest}, drawn from one seeded {@link Random}: about one fault in
 * 12 orders, of six kinds. Drops (disconnects, resets) are the rarest; duplicated and reordered
 * ORDER_UPDATEs the most common, since they cost the run no reconnect.
 */
final class ChaosFaults {
    private final DtcSimulator simulator;
    private final Random random;
    private int disconnects;
    private int resets;
    private int delays;
    private int slicings;
    private int duplicates;
    private int reorders;

    ChaosFaults(DtcSimulator simulator, Random random) {
        this.simulator = simulator;
        this.random = random;
    }

    /** Maybe injects a fault; true when it drops the connection. */
    boolean maybeInject() {
        int dice = random.nextInt(160);
        switch (dice) {
            case 0, 1 -> {
                disconnects++;
                simulator.faults().disconnect(0, false);
                return true;
            }
            case 2, 3 -> {
                resets++;
                simulator.faults().disconnect(0, true);
                return true;
            }
            case 4 -> {
                delays++;
                simulator.faults().delayNthMessage(0, 1 + random.nextInt(4), Duration.ofMillis(20 + random.nextInt(80)));
            }
            case 5 -> {
                slicings++;
                simulator.faults().sliceFrames(random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(40));
            }
            case 6, 7, 8, 9 -> {
                duplicates++;
                simulator.faults().duplicateOrderUpdates(0, 1 + random.nextInt(3));
            }
            case 10, 11, 12, 13 -> {
                reorders++;
                simulator.faults().reorderOrderUpdates(0, 1 + random.nextInt(3));
            }
            default -> {
                // no fault this time
            }
        }
        return false;
    }

    int injected() {
        return disconnects + resets + delays + slicings + duplicates + reorders;
    }

    @Override
    public String toString() {
        return disconnects + " disconnects, " + resets + " resets, " + delays + " delays, " + slicings + " slicings, "
                + duplicates + " duplicate and " + reorders + " reorder faults armed ("
                + simulator.faults().duplicatedUpdates() + " updates sent twice, "
                + simulator.faults().reorderedUpdates() + " sent after a newer one)";
    }
}

package dev.dtcharness.soak.stream;

import java.util.List;

/**
 * What the order stream saw in one phase, counted when each order became terminal.
 *
 * @param sent              orders submitted
 * @param accepted          orders the server accepted (they got a ServerOrderID and ended FILLED or CANCELED)
 * @param rejected          orders that ended REJECTED (by the server, or locally when unwritable)
 * @param localFailures     of those, orders the client could not write
 * @param filledQuantity    sum of the fills heard (LastFillQuantity of each update with an execution id)
 * @param fillMismatches    orders whose fills did not add up to their FilledQuantity
 * @param outcomeMismatches orders that ended other than the soak asked for
 * @param finished          orders whose terminal update the listener saw
 * @param problems          the first few mismatches, in words
 */
public record PhaseCounts(long sent, long accepted, long rejected, long filled, long canceled, long localFailures,
                          double filledQuantity, long fillMismatches, long outcomeMismatches, long finished,
                          double seconds, Latency latency, List<String> problems) {

    public double achievedRate() {
        return seconds > 0 ? sent / seconds : 0;
    }
}

package dev.dtcharness.soak;

import java.util.List;

/** The settings of a soak as recorded in its report (durations in seconds, rates in orders/s). */
public record SoakSettings(int ordersPerPhase, int phases, long durationLimitSeconds, double rate,
                           double rampSeconds, int maxInFlight, long seed, String encoding, String outcomeMix,
                           String sessionPolicy, double budgetBytesPerOrder, int minPhases, int consecutive,
                           int threadTolerance, int fdTolerance, long directMemoryToleranceBytes,
                           List<String> logAllowList) {
}

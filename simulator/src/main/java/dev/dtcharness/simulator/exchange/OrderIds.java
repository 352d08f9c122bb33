package dev.dtcharness.simulator.exchange;

/**
 * The ServerOrderIDs ("S12") and execution ids ("E12") the exchange issues: counters that keep
 * counting through a reset and past every id a restored state holds, so no id is given twice.
 */
final class OrderIds {
    private long serverOrderIds;
    private long executionIds;

    String nextServerOrderId() {
        return "S" + (++serverOrderIds);
    }

    String nextExecutionId() {
        return "E" + (++executionIds);
    }

    long serverOrderIds() {
        return serverOrderIds;
    }

    long executionIds() {
        return executionIds;
    }

    /** Counts on from at least these values. */
    void atLeast(long serverOrderIds, long executionIds) {
        this.serverOrderIds = Math.max(this.serverOrderIds, serverOrderIds);
        this.executionIds = Math.max(this.executionIds, executionIds);
    }

    /** Counts on past an id already issued ("S12"). */
    void sawServerOrderId(String id) {
        serverOrderIds = Math.max(serverOrderIds, number(id));
    }

    /** Counts on past an execution id already issued ("E12"). */
    void sawExecutionId(String id) {
        executionIds = Math.max(executionIds, number(id));
    }

    /** 12 from "S12" or "E12"; ids are issued as a letter and a counter. */
    private static long number(String id) {
        try {
            return Long.parseLong(id.substring(1));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}

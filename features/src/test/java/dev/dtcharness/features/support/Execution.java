package dev.dtcharness.features.support;

/** One fill as both sides can tell it: execution id, quantity and price, "E7 2.0@4400.0". */
public record Execution(String executionId, double quantity, double price) {
    @Override
    public String toString() {
        return executionId + " " + quantity + "@" + price;
    }
}

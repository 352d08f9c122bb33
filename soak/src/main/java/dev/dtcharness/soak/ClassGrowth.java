package dev.dtcharness.soak;

/**
 * A class whose live instances grow with orders, from the class histograms at each phase boundary:
 * Sen's slope of instances and of shallow bytes against orders.
 */
public record ClassGrowth(String className, double instancesPerOrder, double bytesPerOrder, long baselineInstances,
                          long lastInstances) {
}

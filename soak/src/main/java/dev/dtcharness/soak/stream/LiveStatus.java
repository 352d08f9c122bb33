package dev.dtcharness.soak.stream;

/** What a running soak is doing right now, read by the progress bar on another thread. */
public final class LiveStatus {
    public volatile int phase;
    public volatile int phases;
    public volatile String stage = "starting";
    public volatile long ordersDone;
    public volatile long ordersTotal;
    public volatile long lastHeapBytes;

    public void stage(String s) {
        stage = s;
    }
}

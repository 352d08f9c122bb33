package dev.dtcharness.loadtest;

/** One progress line on stderr, rewritten in place at most a few times a second. */
final class Progress {
    private long lastPrint;

    synchronized void tick(String what, long done, long of) {
        long now = System.nanoTime();
        if (now - lastPrint < 250_000_000L && done != 0) {
            return;
        }
        lastPrint = now;
        System.err.printf("\r  %-40s %,d / %,d        ", what, done, of);
        System.err.flush();
    }

    synchronized void line(String text) {
        System.err.println("\r" + text + " ".repeat(20));
    }
}

package dev.dtcharness.client;

/** The execution ids the client counted, each once ({@link Orders#ledger()}). */
public interface CountedFills {
    boolean contains(String executionId);

    int size();
}

package dev.dtcharness.client;

/** A registered listener; closing it stops further calls, and closing twice is harmless. */
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}

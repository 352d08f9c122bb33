package dev.dtcharness.simulator;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A JSON DTC client as a foreign program sees the simulator: it writes JSON text, and everything it reads
 * must be JSON. Whatever is not (a frame that does not parse, a binary frame, a socket closed on bad UTF-8)
 * is kept as a violation instead of being skipped, so a test can say that none ever arrived. Subclasses
 * speak a transport and add what they read to {@link #received} and {@link #violations}.
 */
abstract class JsonPeer implements AutoCloseable {
    protected final List<JsonNode> received = new CopyOnWriteArrayList<>();
    protected final List<String> violations = new CopyOnWriteArrayList<>();
    private int taken;

    /** Sends one message: {@code json} without its NUL (the peer adds what its transport needs). */
    abstract void send(String json);

    /** Whether the transport broke, so that nothing more can arrive (a wait then fails at once). */
    protected boolean broken() {
        return false;
    }

    /** The first message received from now on or before, not yet taken, that matches; fails after {@code timeout}. */
    synchronized JsonNode receive(Predicate<JsonNode> wanted, Duration timeout) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(timeout).until(() -> {
            for (int i = taken; i < received.size(); i++) {
                if (wanted.test(received.get(i))) {
                    found[0] = received.get(i);
                    taken = i + 1;
                    return true;
                }
            }
            if (broken()) {
                throw new AssertionError("the connection broke: " + violations);
            }
            return false;
        });
        return found[0];
    }

    JsonNode receive(int type) {
        return receive(m -> m.path("Type").asInt() == type, Duration.ofSeconds(5));
    }

    /** Every message received so far, in order. */
    List<JsonNode> received() {
        return new ArrayList<>(received);
    }

    /** What arrived that a JSON client cannot read, in plain words; empty when all was JSON. */
    List<String> violations() {
        return new ArrayList<>(violations);
    }

    @Override
    public abstract void close();
}

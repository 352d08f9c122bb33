package dev.dtcharness.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A JSON DTC client as a foreign program sees the simulator: it writes JSON text, and everything it reads
 * must be JSON. Whatever is not (a frame that does not parse, a binary frame, a socket closed on bad UTF-8)
 * is kept as a violation instead of being skipped, so a test can say that none ever arrived.
 */
interface JsonPeer extends AutoCloseable {
    /** Sends one message: {@code json} without its NUL (the peer adds what its transport needs). */
    void send(String json);

    /** The first message received from now on or before, not yet taken, that matches; fails after {@code timeout}. */
    JsonNode receive(Predicate<JsonNode> wanted, Duration timeout);

    default JsonNode receive(int type) {
        return receive(m -> m.path("Type").asInt() == type, Duration.ofSeconds(5));
    }

    /** Every message received so far, in order. */
    List<JsonNode> received();

    /** What arrived that a JSON client cannot read, in plain words; empty when all was JSON. */
    List<String> violations();

    @Override
    void close();
}

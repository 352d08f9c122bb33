package dev.dtcharness.simulator.market.price;

/**
 * A tick file that cannot be replayed. The message is the whole story in one line (file, line, what was
 * there and what was expected), and there is no stack trace: the mistake is in the file, not the code.
 */
public final class TickFileException extends RuntimeException {

    TickFileException(String message) {
        super(message, null, false, false);
    }
}

package dev.dtcharness.protocol.codec;

/**
 * Bytes that are not DTC v8: the message says in plain words which message, which field, and
 * what the spec expects. When {@link #isFatal()} the stream can no longer be delimited and the
 * session must close; otherwise only that one message is lost and the session goes on.
 */
public class DtcCodecException extends RuntimeException {
    private final boolean fatal;

    public DtcCodecException(String message, boolean fatal) {
        super(message);
        this.fatal = fatal;
    }

    public DtcCodecException(String message, boolean fatal, Throwable cause) {
        super(message, cause);
        this.fatal = fatal;
    }

    public boolean isFatal() {
        return fatal;
    }
}

package dev.dtcharness.client;

/** Something the client could not do (connect, log on, submit, wait), said in plain words. */
public class DtcClientException extends RuntimeException {

    public DtcClientException(String message) {
        super(message);
    }

    public DtcClientException(String message, Throwable cause) {
        super(message, cause);
    }
}

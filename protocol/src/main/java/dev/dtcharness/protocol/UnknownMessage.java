package dev.dtcharness.protocol;

/**
 * A frame whose type DTC v8 does not define (or defines without a body): passed up so the
 * receiver can say so, never silently dropped. Carries no bytes.
 */
public record UnknownMessage(int type, DtcEncoding encoding, int size) {
}

package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.codec.DtcCodecException;

/** Finds the cause worth reporting under Netty's wrappers (DecoderException, EncoderException). */
final class Failures {
    private Failures() {
    }

    /** The DTC codec error in the cause chain, or null when the failure is of another kind. */
    static DtcCodecException codecError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DtcCodecException e) {
                return e;
            }
        }
        return null;
    }

    /** A one-line description: the DTC error's own words, else the innermost cause's message. */
    static String plain(Throwable t) {
        DtcCodecException dtc = codecError(t);
        if (dtc != null) {
            return dtc.getMessage();
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}

package dev.dtcharness.protocol;

import dev.dtcharness.protocol.spec.DtcSpec;

/**
 * The encodings of DTC's EncodingEnum; codes come from the spec. The codecs implement all but
 * {@link #PROTOCOL_BUFFERS}, which is named so that a request for it can be recognised and refused
 * the way DTC prescribes (answer with the current encoding).
 */
public enum DtcEncoding {
    BINARY_ENCODING, BINARY_WITH_VARIABLE_LENGTH_STRINGS, JSON_ENCODING, JSON_COMPACT_ENCODING, PROTOCOL_BUFFERS;

    private final int code = DtcSpec.v8().enumValue("EncodingEnum", name());

    public int code() {
        return code;
    }

    public boolean isImplemented() {
        return this != PROTOCOL_BUFFERS;
    }

    /** The encoding with that EncodingEnum code, or null when DTC defines none. */
    public static DtcEncoding ofCode(long code) {
        for (DtcEncoding e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return null;
    }
}

package dev.dtcharness.protocol;

import dev.dtcharness.protocol.codec.CodecKey;
import dev.dtcharness.protocol.spec.FieldSpec;
import java.util.Objects;

/**
 * The codecs' way into a message's slots: values as read off the wire, stored without the range checks
 * {@link DtcMessage#set} makes for everyone else, and numbers read as their raw bits. Not public API: it is
 * handed out only for the codecs' {@link CodecKey}, which no other package can name.
 */
public final class MessageSlots {
    private static final MessageSlots INSTANCE = new MessageSlots();

    private MessageSlots() {
    }

    public static MessageSlots forCodecs(CodecKey key) {
        Objects.requireNonNull(key, "the codecs' key");
        return INSTANCE;
    }

    /** Stores an already-typed value (Long, Double or String); null unsets. */
    public void putRaw(DtcMessage m, FieldSpec f, Object typedValue) {
        m.putRaw(f, typedValue);
    }

    /** Stores an integer (or enum) field's value as read. */
    public void putLong(DtcMessage m, FieldSpec f, long value) {
        m.putLong(f, value);
    }

    /** Stores a floating-point field's value as read. */
    public void putDouble(DtcMessage m, FieldSpec f, double value) {
        m.putDouble(f, value);
    }

    public void putString(DtcMessage m, FieldSpec f, String value) {
        m.putString(f, value);
    }

    /** A numeric field as stored (a floating-point one's raw double bits), or its default's when unset. */
    public long numericBits(DtcMessage m, FieldSpec f) {
        return m.numericBits(f);
    }
}

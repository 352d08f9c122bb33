package dev.dtcharness.protocol;

import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;

/**
 * What may be read of a DTC message by a holder that does not own it: a message decoded into one the
 * decoder reuses, or an update the exchange writes into one it reuses. Such a holder reads during the
 * call that passes it and keeps nothing but a {@link #copy()}. A method that may keep what it is given
 * takes {@link DtcMessage} (or a generated message class) instead, so the difference shows in its signature.
 */
public interface MessageView {
    MessageSpec spec();

    String name();

    int type();

    boolean is(String messageName);

    boolean isSet(String field);

    boolean isSet(FieldSpec f);

    /** The field's value boxed (Long, Double or String), or the spec default when it was never set. */
    Object get(String field);

    long getLong(String field);

    long getLong(FieldSpec f);

    int getInt(String field);

    double getDouble(String field);

    double getDouble(FieldSpec f);

    String getString(String field);

    String getString(FieldSpec f);

    /** The name of an enum field's constant, or its number as text when the spec defines no such constant. */
    String enumName(String field);

    boolean isStated(FieldSpec f);

    /** An owned copy, which the holder may keep and change. */
    DtcMessage copy();

    /** Writes every field of this message over {@code target} (same spec) and returns it: a copy without a new message. */
    DtcMessage copyTo(DtcMessage target);
}

package dev.dtcharness.protocol.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One DTC message body from the spec: type number, binary size, and fields in wire order. */
public final class MessageSpec {
    private final String name;
    private final int type;
    private final int binarySize;
    private final List<FieldSpec> fields;
    private final FieldSpec[] byIndex;
    private final Map<String, FieldSpec> byName;
    private final int stringCount;

    public MessageSpec(String name, int type, int binarySize, List<FieldSpec> fields) {
        this.name = name;
        this.type = type;
        this.binarySize = binarySize;
        this.fields = List.copyOf(fields);
        this.byIndex = fields.toArray(new FieldSpec[0]);
        // A plain HashMap, never handed out: every get and set by field name looks here (a hot path).
        Map<String, FieldSpec> map = new HashMap<>(fields.size() * 2);
        for (FieldSpec f : fields) {
            map.put(f.name(), f);
        }
        this.byName = map;
        this.stringCount = (int) fields.stream().filter(f -> f.kind() == WireKind.STRING).count();
    }

    public String name() {
        return name;
    }

    public int type() {
        return type;
    }

    /** Whole message in the fixed binary encoding, 4-byte header included. */
    public int binarySize() {
        return binarySize;
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    /** How many fields are {@code char[N]}: the string slots of a message (see {@link FieldSpec#slot}). */
    public int stringCount() {
        return stringCount;
    }

    /** How many fields are numbers: the numeric slots of a message. */
    public int numericCount() {
        return fields.size() - stringCount;
    }

    /** Whether {@code f} is this message's own field (a handle from another message is not). */
    public boolean owns(FieldSpec f) {
        int i = f.index();
        return i < byIndex.length && byIndex[i] == f;
    }

    /**
     * {@code f} itself when it is this message's own field, else this message's field of the same name:
     * for a handle kept on one message type and used on messages that may be of another.
     */
    public FieldSpec field(FieldSpec f) {
        return owns(f) ? f : field(f.name());
    }

    /** The field, or null when the message has none of that name. */
    public FieldSpec fieldOrNull(String fieldName) {
        return byName.get(fieldName);
    }

    /** The field; throws in plain words when the message has none of that name. */
    public FieldSpec field(String fieldName) {
        FieldSpec f = byName.get(fieldName);
        if (f == null) {
            throw new IllegalArgumentException(name + " (" + type + ") has no field " + fieldName);
        }
        return f;
    }

    /** "ORDER_UPDATE (301)", the way errors name a message. */
    public String label() {
        return name + " (" + type + ")";
    }

    @Override
    public String toString() {
        return label();
    }
}

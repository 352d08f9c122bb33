package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageSlots;
import dev.dtcharness.protocol.spec.FieldSpec;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A whole binary message's fields written or read straight on a heap buffer's backing array,
 * little-endian: the same bytes as {@link BinaryFormat#write}/{@link BinaryFormat#read} field by
 * field on the {@code ByteBuf}, without a bounds and reference-count check per field and with one
 * loop per wire kind. Callers bounds-check the whole message once.
 */
final class HeapFields {
    private static final MessageSlots SLOTS = MessageSlots.forCodecs(CodecKey.KEY);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private HeapFields() {
    }

    static void setShort(byte[] a, int at, int v) {
        SHORT.set(a, at, (short) v);
    }

    /**
     * Writes every field of {@code m} (its value or the spec default) at {@code base} + the field's
     * offset, over zeroes, refusing a string too long for its field ({@link StringCapacity}) on the way.
     * The groups are {@code m}'s own spec's, so its fields are read as stored, without per-field checks.
     */
    static void writeAll(byte[] a, int base, FieldGroups g, DtcMessage m) {
        for (FieldSpec f : g.int8) {
            a[base + f.offset()] = (byte) SLOTS.numericBits(m, f);
        }
        for (FieldSpec f : g.uint8) {
            a[base + f.offset()] = (byte) SLOTS.numericBits(m, f);
        }
        for (FieldSpec f : g.int16) {
            SHORT.set(a, base + f.offset(), (short) SLOTS.numericBits(m, f));
        }
        for (FieldSpec f : g.uint16) {
            SHORT.set(a, base + f.offset(), (short) SLOTS.numericBits(m, f));
        }
        for (FieldSpec f : g.int32) {
            INT.set(a, base + f.offset(), (int) SLOTS.numericBits(m, f));
        }
        for (FieldSpec f : g.uint32) {
            INT.set(a, base + f.offset(), (int) SLOTS.numericBits(m, f));
        }
        for (FieldSpec f : g.int64) {
            LONG.set(a, base + f.offset(), SLOTS.numericBits(m, f));
        }
        for (FieldSpec f : g.float32) {
            INT.set(a, base + f.offset(), Float.floatToRawIntBits((float) Double.longBitsToDouble(SLOTS.numericBits(m, f))));
        }
        for (FieldSpec f : g.float64) {
            LONG.set(a, base + f.offset(), SLOTS.numericBits(m, f));
        }
        for (FieldSpec f : g.strings) {
            String s = m.getString(f);
            if (!s.isEmpty()) {
                StringCapacity.check(m, f, s);
                writeString(a, base + f.offset(), s);
            }
        }
    }

    /** Reads every field from {@code base} + the field's offset into {@code m}; the frame must hold them all. */
    static void readAll(byte[] a, int base, FieldGroups g, DtcMessage m) {
        for (FieldSpec f : g.int8) {
            SLOTS.putLong(m, f, a[base + f.offset()]);
        }
        for (FieldSpec f : g.uint8) {
            SLOTS.putLong(m, f, a[base + f.offset()] & 0xFF);
        }
        for (FieldSpec f : g.int16) {
            SLOTS.putLong(m, f, (short) SHORT.get(a, base + f.offset()));
        }
        for (FieldSpec f : g.uint16) {
            SLOTS.putLong(m, f, (short) SHORT.get(a, base + f.offset()) & 0xFFFF);
        }
        for (FieldSpec f : g.int32) {
            SLOTS.putLong(m, f, (int) INT.get(a, base + f.offset()));
        }
        for (FieldSpec f : g.uint32) {
            SLOTS.putLong(m, f, (int) INT.get(a, base + f.offset()) & 0xFFFF_FFFFL);
        }
        for (FieldSpec f : g.int64) {
            SLOTS.putLong(m, f, (long) LONG.get(a, base + f.offset()));
        }
        for (FieldSpec f : g.float32) {
            SLOTS.putDouble(m, f, Float.intBitsToFloat((int) INT.get(a, base + f.offset())));
        }
        for (FieldSpec f : g.float64) {
            SLOTS.putDouble(m, f, Double.longBitsToDouble((long) LONG.get(a, base + f.offset())));
        }
        if (g.strings.length > 0) {
            RepeatedStrings repeated = RepeatedStrings.get();
            for (FieldSpec f : g.strings) {
                int at = base + f.offset();
                int len = nulIndex(a, at, f.capacity());
                SLOTS.putString(m, f, len == 0 ? "" : repeated.read(f, a, at, len));
            }
        }
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): each char's low byte, no byte[] made
    private static void writeString(byte[] a, int at, String s) {
        if (Latin1.fits(s)) {
            s.getBytes(0, s.length(), a, at);
        } else {
            byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(bytes, 0, a, at, bytes.length);
        }
    }

    /** Where the first NUL is within {@code [at, at + capacity)}, relative to {@code at}; capacity when none. */
    static int nulIndex(byte[] a, int at, int capacity) {
        int i = 0;
        // Eight bytes at a time: a zero byte is the lowest one whose high bit the expression sets.
        for (; i + 8 <= capacity; i += 8) {
            long x = (long) LONG.get(a, at + i);
            long zeroes = (x - 0x0101_0101_0101_0101L) & ~x & 0x8080_8080_8080_8080L;
            if (zeroes != 0) {
                return i + (Long.numberOfTrailingZeros(zeroes) >>> 3);
            }
        }
        while (i < capacity && a[at + i] != 0) {
            i++;
        }
        return i;
    }
}

package dev.dtcharness.protocol.ids;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An exact set of strings (ids: execution ids, ClientOrderIDs) that holds no object per string: their
 * bytes (Latin-1 when every character fits, else UTF-8) lie back to back in one array, in the order
 * added, and an open-addressing table of their positions and hashes finds them. Sets like these live as long as a trading session and gain an entry
 * per order; as a HashSet of Strings each entry cost about 80 bytes and three objects, which every young
 * collection copied and the old generation then tracked (in the load benchmark, 800 ms of young pauses
 * per run against about 220 ms with this). Here an entry costs its length plus about 20 bytes, in
 * primitive arrays the collector never scans. No removal: a caller that must forget starts a new set.
 * Not thread-safe.
 */
public final class CompactStringSet {
    /** Longest string kept, in bytes (DTC ids are at most 64): its length fits 15 bits, the 16th tells the encoding. */
    public static final int MAX_BYTES = 0x7FFF;
    private static final int UTF8 = 0x8000;

    private byte[] bytes = new byte[1024];
    private int used;
    /**
     * Open addressing, a power of two long, at most half full: each slot holds a string's hash (high
     * half), so growing and most failed probes never touch the bytes, and where its entry starts in
     * {@link #bytes} plus one (low half; a free slot is 0). One long, so a probe reads one place in memory.
     */
    private long[] slots = new long[256];
    private int size;
    /**
     * Null, or after {@link #seal()} two bits per string in 8 to 16 bits per string: most strings the set
     * does not hold are answered here, in a few hundred kilobytes that stay in cache, without the table.
     */
    private long[] filter;

    /** Adds the string; false when it was there already. */
    public boolean add(String s) {
        filter = null;
        int hash = spread(s.hashCode());
        int i = find(s, hash);
        if (i >= 0) {
            return false;
        }
        slots[~i] = (long) hash << 32 | (append(s) + 1L);
        if (++size * 2 > slots.length) {
            grow();
        }
        return true;
    }

    public boolean contains(String s) {
        int hash = spread(s.hashCode());
        return (filter == null || mayHold(filter, hash)) && find(s, hash) >= 0;
    }

    /**
     * For a set that will only be asked from now on (an older generation of ids): builds a filter that
     * answers most absent strings without a probe of the table, whose entries are then cold. Adding to the
     * set again drops the filter.
     */
    public void seal() {
        int bits = Integer.highestOneBit(Math.max(64, size * 8) - 1) << 1;
        long[] f = new long[bits >>> 6];
        for (long slot : slots) {
            if (slot != 0) {
                int hash = (int) (slot >>> 32);
                int mask = bits - 1;
                f[(hash & mask) >>> 6] |= 1L << hash;
                int second = secondHash(hash);
                f[(second & mask) >>> 6] |= 1L << second;
            }
        }
        filter = f;
    }

    private static boolean mayHold(long[] f, int hash) {
        int mask = (f.length << 6) - 1;
        int second = secondHash(hash);
        return (f[(hash & mask) >>> 6] & 1L << hash) != 0 && (f[(second & mask) >>> 6] & 1L << second) != 0;
    }

    private static int secondHash(int hash) {
        int h = hash * 0x85EBCA6B;
        return h ^ (h >>> 13);
    }

    public int size() {
        return size;
    }

    /** Every string, in the order added. */
    public void forEach(Consumer<String> action) {
        for (int at = 0; at < used; ) {
            int header = (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
            int length = header & MAX_BYTES;
            action.accept(new String(bytes, at + 2, length,
                    (header & UTF8) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            at += 2 + length;
        }
    }

    /** Bytes held, arrays included. */
    public long footprint() {
        return bytes.length + 8L * slots.length;
    }

    /** The slot holding {@code s}, or the complement of the free slot where it would go. */
    private int find(String s, int hash) {
        int mask = slots.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return ~i;
            }
            if ((int) (slot >>> 32) == hash && matches((int) slot - 1, s)) {
                return i;
            }
        }
    }

    /** String.hashCode (kept in the String, so asking twice costs once), spread: "E1", "E2"... must not cluster. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private boolean matches(int at, String s) {
        int header = (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
        int length = header & MAX_BYTES;
        if ((header & UTF8) != 0) {
            return new String(bytes, at + 2, length, StandardCharsets.UTF_8).equals(s);
        }
        if (length != s.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((bytes[at + 2 + i] & 0xFF) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Appends [header: 2 bytes][bytes]; returns where the entry starts. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): each char's low byte, all of it here
    private int append(String s) {
        int n = s.length();
        boolean latin1 = true;
        for (int i = 0; i < n && latin1; i++) {
            latin1 = s.charAt(i) < 0x100;
        }
        byte[] utf8 = latin1 ? null : s.getBytes(StandardCharsets.UTF_8);
        int length = latin1 ? n : utf8.length;
        if (length > MAX_BYTES) {
            throw new IllegalArgumentException("a string of " + length + " bytes (at most " + MAX_BYTES
                    + " kept): " + s.substring(0, 40) + "...");
        }
        long needed = (long) used + 2 + length;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("the set is full (" + size + " strings, 2 GB of bytes)");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * bytes.length)));
        }
        int at = used;
        int header = latin1 ? length : length | UTF8;
        bytes[at] = (byte) (header >>> 8);
        bytes[at + 1] = (byte) header;
        if (latin1) {
            s.getBytes(0, n, bytes, at + 2);
        } else {
            System.arraycopy(utf8, 0, bytes, at + 2, length);
        }
        used = (int) needed;
        return at;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long slot : old) {
            if (slot != 0) {
                int i = (int) (slot >>> 32) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = slot;
            }
        }
    }
}

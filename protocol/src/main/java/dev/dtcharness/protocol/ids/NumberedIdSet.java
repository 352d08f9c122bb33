package dev.dtcharness.protocol.ids;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An exact set of ids, cheapest for the shape servers give their ids: a fixed prefix and a counter
 * ("E1041", "E1042", ...). Those are kept per prefix as runs of consecutive numbers, so an id that
 * extends the newest run is answered from two numbers in cache however many ids the set holds; in a
 * {@link CompactStringSet} every id is a probe of a table that grows with the session, and in a long
 * session each probe missed the cache (the client's fill ledger stood out in its event loop). Ids of
 * other shapes (no counter, a leading zero, more than 18 digits, a ninth prefix) live in a
 * {@code CompactStringSet}; so do a prefix's numbers once its runs are too many to search (ids that
 * skip numbers because other sessions took them), each then costing what it costs there.
 * Not thread-safe.
 */
public final class NumberedIdSet {
    private static final int MAX_PREFIXES = 8;
    private static final int MAX_RUNS = 256;
    private static final int MAX_DIGITS = 18;

    private final CompactStringSet others = new CompactStringSet();
    private final Runs[] runs = new Runs[MAX_PREFIXES];
    private int prefixes;
    private int size;

    /** Adds the id; false when it was there already. */
    public boolean add(String id) {
        int split = numberStart(id);
        Runs r = split < 0 ? null : runsOf(id, split, true);
        if (r == null) {
            return counted(others.add(id));
        }
        long n = number(id, split);
        if (r.contains(n)) {
            return false;
        }
        if (!r.spilled) {
            if (r.add(n)) {
                return counted(true);
            }
            // Too many runs: this prefix's new numbers go to the exact set from now on.
            r.spilled = true;
            return counted(others.add(id));
        }
        if (r.extendsNewest(n)) {
            // Spilled numbers may lie just past the newest run: only one not spilled may extend it.
            if (others.contains(id)) {
                return false;
            }
            r.extendNewest();
            return counted(true);
        }
        return counted(others.add(id));
    }

    public boolean contains(String id) {
        int split = numberStart(id);
        Runs r = split < 0 ? null : runsOf(id, split, false);
        if (r == null) {
            return others.contains(id);
        }
        return r.contains(number(id, split)) || r.spilled && others.contains(id);
    }

    public int size() {
        return size;
    }

    /** For a set that will only be asked from now on: see {@link CompactStringSet#seal()}. */
    public void seal() {
        others.seal();
    }

    /**
     * Every id once: those kept as strings in the order added, then each prefix's counter ids in
     * increasing order (for a server's counter, the order they were given in).
     */
    public void forEach(Consumer<String> action) {
        others.forEach(action);
        for (int i = 0; i < prefixes; i++) {
            Runs r = runs[i];
            for (int k = 0; k < r.count; k++) {
                for (long n = r.starts[k]; n < r.ends[k]; n++) {
                    action.accept(r.prefix + n);
                }
            }
        }
    }

    private boolean counted(boolean added) {
        if (added) {
            size++;
        }
        return added;
    }

    /**
     * Where the id's counter starts: after its last non-digit, when 1 to 18 digits follow without a
     * leading zero (so that the number gives back exactly this id); else -1.
     */
    private static int numberStart(String id) {
        int n = id.length();
        int split = n;
        while (split > 0 && isDigit(id.charAt(split - 1))) {
            split--;
        }
        int digits = n - split;
        if (digits == 0 || digits > MAX_DIGITS || digits > 1 && id.charAt(split) == '0') {
            return -1;
        }
        return split;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static long number(String id, int split) {
        long v = 0;
        for (int i = split, n = id.length(); i < n; i++) {
            v = v * 10 + (id.charAt(i) - '0');
        }
        return v;
    }

    /** The runs of the id's prefix; a new prefix gets runs while there is room, if {@code create}. */
    private Runs runsOf(String id, int split, boolean create) {
        for (int i = 0; i < prefixes; i++) {
            Runs r = runs[i];
            if (r.prefix.length() == split && id.startsWith(r.prefix)) {
                return r;
            }
        }
        if (!create || prefixes == MAX_PREFIXES) {
            // Ids of a prefix met with no room left all live in the exact set, then and later.
            return null;
        }
        Runs r = new Runs(id.substring(0, split));
        runs[prefixes++] = r;
        return r;
    }

    /** One prefix's numbers: sorted, disjoint, non-adjacent runs [start, end). */
    private static final class Runs {
        final String prefix;
        long[] starts = new long[4];
        long[] ends = new long[4];
        int count;
        boolean spilled;

        Runs(String prefix) {
            this.prefix = prefix;
        }

        boolean contains(long n) {
            int last = count - 1;
            if (last < 0) {
                return false;
            }
            if (n >= starts[last]) {
                return n < ends[last];
            }
            int i = runAtOrBefore(n);
            return i >= 0 && n < ends[i];
        }

        boolean extendsNewest(long n) {
            return count > 0 && n == ends[count - 1];
        }

        void extendNewest() {
            ends[count - 1]++;
        }

        /** Adds {@code n}, which no run holds; false when that would take a run more than allowed. */
        boolean add(long n) {
            if (extendsNewest(n)) {
                extendNewest();
                return true;
            }
            int i = runAtOrBefore(n);
            boolean joinsBefore = i >= 0 && ends[i] == n;
            boolean joinsAfter = i + 1 < count && starts[i + 1] == n + 1;
            if (joinsBefore && joinsAfter) {
                ends[i] = ends[i + 1];
                remove(i + 1);
            } else if (joinsBefore) {
                ends[i]++;
            } else if (joinsAfter) {
                starts[i + 1]--;
            } else {
                if (count == MAX_RUNS) {
                    return false;
                }
                insert(i + 1, n);
            }
            return true;
        }

        /** The last run starting at or before {@code n}, or -1. */
        private int runAtOrBefore(long n) {
            int lo = 0;
            int hi = count - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] <= n) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return hi;
        }

        private void insert(int at, long n) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            System.arraycopy(starts, at, starts, at + 1, count - at);
            System.arraycopy(ends, at, ends, at + 1, count - at);
            starts[at] = n;
            ends[at] = n + 1;
            count++;
        }

        private void remove(int at) {
            System.arraycopy(starts, at + 1, starts, at, count - at - 1);
            System.arraycopy(ends, at + 1, ends, at, count - at - 1);
            count--;
        }
    }
}

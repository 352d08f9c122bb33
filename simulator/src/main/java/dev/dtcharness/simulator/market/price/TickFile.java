package dev.dtcharness.simulator.market.price;

import dev.dtcharness.simulator.market.TickGrid;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * A recorded tick file, read whole into primitive columns so a replay allocates nothing.
 *
 * <p>Format: CSV lines {@code time,price,size,bid,ask} with an optional {@code ,bidSize,askSize}.
 * {@code time} is epoch milliseconds or an ISO-8601 instant ({@code 2026-12-08T14:30:00.125Z}), in
 * order. Leave price and size empty for a quote-only line, bid and ask (and their sizes) empty for a
 * trade-only line. Blank lines and lines starting with {@code #} are skipped; a first line with no digit
 * in it is a header. Prices must lie on the symbol's tick grid (they are checked as decimal text, exactly).
 */
public final class TickFile {

    static final String EXPECTED_LINE = "time,price,size,bid,ask[,bidSize,askSize]";

    private final String name;
    private final int rows;
    private final long[] times;
    private final boolean[] hasTrade;
    private final long[] priceTicks;
    private final double[] sizes;
    private final boolean[] hasQuote;
    private final long[] bidTicks;
    private final long[] askTicks;
    private final double[] bidSizes;
    private final double[] askSizes;

    private TickFile(Columns c) {
        this.name = c.name;
        this.rows = c.rows;
        this.times = Arrays.copyOf(c.times, c.rows);
        this.hasTrade = Arrays.copyOf(c.hasTrade, c.rows);
        this.priceTicks = Arrays.copyOf(c.priceTicks, c.rows);
        this.sizes = Arrays.copyOf(c.sizes, c.rows);
        this.hasQuote = Arrays.copyOf(c.hasQuote, c.rows);
        this.bidTicks = Arrays.copyOf(c.bidTicks, c.rows);
        this.askTicks = Arrays.copyOf(c.askTicks, c.rows);
        this.bidSizes = Arrays.copyOf(c.bidSizes, c.rows);
        this.askSizes = Arrays.copyOf(c.askSizes, c.rows);
    }

    /**
     * Reads a tick file. {@code quoteSize} is the bid and ask size of quote lines that do not record one.
     *
     * @throws TickFileException naming the file and line of the first problem
     */
    public static TickFile read(Path file, TickGrid grid, double quoteSize) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString(), grid, quoteSize);
        } catch (IOException e) {
            throw new TickFileException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Reads tick lines from any reader; {@code name} is what errors call the source. */
    public static TickFile parse(Reader in, String name, TickGrid grid, double quoteSize) throws IOException {
        if (!(quoteSize > 0) || Double.isInfinite(quoteSize)) {
            throw new IllegalArgumentException("quoteSize: " + quoteSize + " (expected: a positive number)");
        }
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        LineParser parser = new LineParser(name, grid, quoteSize);
        String line;
        int lineNumber = 0;
        boolean seenContent = false;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!seenContent) {
                seenContent = true;
                if (trimmed.chars().noneMatch(Character::isDigit)) {
                    continue;
                }
            }
            parser.parse(trimmed, lineNumber);
        }
        if (parser.columns.rows == 0) {
            throw new TickFileException(name + ": no ticks (expected: lines of " + EXPECTED_LINE + ")");
        }
        return new TickFile(parser.columns);
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public long time(int row) {
        return times[row];
    }

    public boolean hasTrade(int row) {
        return hasTrade[row];
    }

    public long priceTicks(int row) {
        return priceTicks[row];
    }

    public double size(int row) {
        return sizes[row];
    }

    public boolean hasQuote(int row) {
        return hasQuote[row];
    }

    public long bidTicks(int row) {
        return bidTicks[row];
    }

    public long askTicks(int row) {
        return askTicks[row];
    }

    public double bidSize(int row) {
        return bidSizes[row];
    }

    public double askSize(int row) {
        return askSizes[row];
    }

    /** The column arrays as they grow. */
    private static final class Columns {
        final String name;
        int rows;
        long[] times = new long[256];
        boolean[] hasTrade = new boolean[256];
        long[] priceTicks = new long[256];
        double[] sizes = new double[256];
        boolean[] hasQuote = new boolean[256];
        long[] bidTicks = new long[256];
        long[] askTicks = new long[256];
        double[] bidSizes = new double[256];
        double[] askSizes = new double[256];

        Columns(String name) {
            this.name = name;
        }

        void ensureRoom() {
            if (rows < times.length) {
                return;
            }
            int n = times.length * 2;
            times = Arrays.copyOf(times, n);
            hasTrade = Arrays.copyOf(hasTrade, n);
            priceTicks = Arrays.copyOf(priceTicks, n);
            sizes = Arrays.copyOf(sizes, n);
            hasQuote = Arrays.copyOf(hasQuote, n);
            bidTicks = Arrays.copyOf(bidTicks, n);
            askTicks = Arrays.copyOf(askTicks, n);
            bidSizes = Arrays.copyOf(bidSizes, n);
            askSizes = Arrays.copyOf(askSizes, n);
        }
    }

    /** One line at a time into the columns; every problem names the file and line. */
    private static final class LineParser {
        private final String name;
        private final TickGrid grid;
        private final double quoteSize;
        final Columns columns;
        private int lineNumber;

        LineParser(String name, TickGrid grid, double quoteSize) {
            this.name = name;
            this.grid = grid;
            this.quoteSize = quoteSize;
            this.columns = new Columns(name);
        }

        void parse(String line, int lineNumber) {
            this.lineNumber = lineNumber;
            String[] f = line.split(",", -1);
            if (f.length != 5 && f.length != 7) {
                throw fail(f.length + " fields in '" + line + "'", EXPECTED_LINE);
            }
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            long time = time(f[0]);
            Columns c = columns;
            if (c.rows > 0 && time < c.times[c.rows - 1]) {
                throw fail("time " + f[0] + " is before the previous line's", "times in order");
            }
            boolean trade = present("price", f[1], "size", f[2]);
            boolean quote = present("bid", f[3], "ask", f[4]);
            if (f.length == 7 && !quote && !(f[5].isEmpty() && f[6].isEmpty())) {
                throw fail("bidSize/askSize without a bid and ask", "sizes only on a line with a quote");
            }
            if (!trade && !quote) {
                throw fail("neither a trade nor a quote", "a price and size, a bid and ask, or both");
            }
            c.ensureRoom();
            int row = c.rows;
            c.times[row] = time;
            c.hasTrade[row] = trade;
            if (trade) {
                c.priceTicks[row] = price("price", f[1]);
                c.sizes[row] = size("size", f[2]);
            }
            c.hasQuote[row] = quote;
            if (quote) {
                long bid = price("bid", f[3]);
                long ask = price("ask", f[4]);
                if (bid > ask) {
                    throw fail("bid " + f[3] + " above ask " + f[4], "bid <= ask");
                }
                c.bidTicks[row] = bid;
                c.askTicks[row] = ask;
                boolean sized = f.length == 7;
                c.bidSizes[row] = sized ? size("bidSize", f[5]) : quoteSize;
                c.askSizes[row] = sized ? size("askSize", f[6]) : quoteSize;
            }
            c.rows++;
        }

        private boolean present(String first, String a, String second, String b) {
            if (a.isEmpty() != b.isEmpty()) {
                throw fail(first + " '" + a + "' with " + second + " '" + b + "'",
                        "both " + first + " and " + second + ", or neither");
            }
            return !a.isEmpty();
        }

        private long time(String text) {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    // too many digits: reported below like any other bad time
                }
            } else {
                try {
                    return Instant.parse(text).toEpochMilli();
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            throw fail("time '" + text + "'", "epoch milliseconds or an ISO-8601 instant such as 2026-12-08T14:30:00.125Z");
        }

        private long price(String field, String text) {
            try {
                return grid.ticks(text);
            } catch (IllegalArgumentException e) {
                throw fail(field + " '" + text + "'", "a decimal price on the " + grid.tickSizeText() + " tick grid");
            }
        }

        private double size(String field, String text) {
            double size;
            try {
                size = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                size = Double.NaN;
            }
            if (!(size > 0) || Double.isInfinite(size)) {
                throw fail(field + " '" + text + "'", "a positive number");
            }
            return size;
        }

        private TickFileException fail(String found, String expected) {
            return new TickFileException(name + " line " + lineNumber + ": " + found + " (expected: " + expected + ")");
        }
    }
}

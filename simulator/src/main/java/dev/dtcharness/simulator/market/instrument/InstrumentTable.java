package dev.dtcharness.simulator.market.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated exchange's symbols: lookup by symbol (and Exchange, per {@link ExchangeField}), loaded from a
 * JSON file ({@link #load(Path)}), built in Java ({@link #builder()}), or the shipped starters
 * ({@link #starters()}). Immutable; a symbol appears once (Sierra Chart keys instruments by the full symbol
 * string, FACTS 7.4), and lookups match it exactly, case included.
 */
public final class InstrumentTable {
    /** Where the starters live in the jar. */
    public static final String STARTERS_RESOURCE = "/dev/dtcharness/simulator/market/instruments.json";

    private static volatile InstrumentTable starters;

    private final Map<String, Instrument> bySymbol;
    private final List<Instrument> all;
    private final ExchangeField exchangeField;
    private final DataRestrictions dataRestrictions;

    private InstrumentTable(Builder b) {
        this.bySymbol = Collections.unmodifiableMap(new LinkedHashMap<>(b.bySymbol));
        this.all = List.copyOf(b.bySymbol.values());
        this.exchangeField = b.exchangeField;
        this.dataRestrictions = b.dataRestrictions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this table's instruments and settings, to add to it or change a setting. */
    public Builder toBuilder() {
        Builder b = new Builder().exchangeField(exchangeField).dataRestrictions(dataRestrictions);
        b.bySymbol.putAll(bySymbol);
        return b;
    }

    /**
     * ES, NQ, CL, GC and 6E (CME Group futures, front month under their root symbol), AAPL and BTCUSD, from
     * {@link #STARTERS_RESOURCE}: Exchange field ignored as Sierra Chart does, no data restrictions.
     */
    public static InstrumentTable starters() {
        InstrumentTable t = starters;
        if (t == null) {
            try (InputStream in = InstrumentTable.class.getResourceAsStream(STARTERS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("starter instruments missing from the classpath: " + STARTERS_RESOURCE);
                }
                t = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "instruments.json (starters)");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + STARTERS_RESOURCE + ": " + e.getMessage(), e);
            }
            starters = t;
        }
        return t;
    }

    /** The instruments of a JSON file (see simulator/MARKET.md); a malformed one fails naming file, line and field. */
    public static InstrumentTable load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read instrument file " + file + ": " + e, e);
        }
        return parse(text, file.toString());
    }

    /** As {@link #load(Path)} for JSON text; {@code source} names it in errors. */
    public static InstrumentTable parse(String json, String source) {
        Builder b = builder();
        InstrumentFile.read(json, source, b);
        return b.build();
    }

    /** The instrument with exactly this symbol, whatever its exchange. */
    public Optional<Instrument> find(String symbol) {
        return symbol == null ? Optional.empty() : Optional.ofNullable(bySymbol.get(symbol));
    }

    /**
     * The instrument a request's Symbol and Exchange name: with {@link ExchangeField#IGNORED} the Exchange does
     * not matter; with {@link ExchangeField#USED} an empty one matches any, another must equal the instrument's.
     */
    public Optional<Instrument> find(String symbol, String exchange) {
        Optional<Instrument> i = find(symbol);
        if (exchangeField == ExchangeField.IGNORED || exchange == null || exchange.isEmpty()) {
            return i;
        }
        return i.filter(x -> x.exchange().equalsIgnoreCase(exchange));
    }

    /** Every instrument, in the order added. */
    public List<Instrument> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    public ExchangeField exchangeField() {
        return exchangeField;
    }

    public DataRestrictions dataRestrictions() {
        return dataRestrictions;
    }

    /** What market data requests for {@code instrument} get under this table's restrictions. */
    public DataAccess dataAccess(Instrument instrument) {
        return dataRestrictions.accessFor(instrument);
    }

    @Override
    public String toString() {
        return "InstrumentTable" + bySymbol.keySet() + " exchange field " + exchangeField + ", restrictions " + dataRestrictions;
    }

    /** Collects instruments; a second instrument with the same symbol is refused at {@link #add}. */
    public static final class Builder {
        private final Map<String, Instrument> bySymbol = new LinkedHashMap<>();
        private ExchangeField exchangeField = ExchangeField.IGNORED;
        private DataRestrictions dataRestrictions = DataRestrictions.off();

        private Builder() {
        }

        public Builder add(Instrument instrument) {
            if (instrument == null) {
                throw new IllegalArgumentException("instrument: null (expected: an instrument)");
            }
            if (bySymbol.containsKey(instrument.symbol())) {
                throw new InstrumentException(null, "symbol", "\"" + instrument.symbol() + "\"",
                        "a symbol not already in the table");
            }
            bySymbol.put(instrument.symbol(), instrument);
            return this;
        }

        /** Adds every instrument of {@code table} (its settings are not copied). */
        public Builder addAll(InstrumentTable table) {
            table.all().forEach(this::add);
            return this;
        }

        /** Adds the instrument or replaces the one with its symbol. */
        public Builder put(Instrument instrument) {
            bySymbol.remove(instrument.symbol());
            return add(instrument);
        }

        /** Defaults to {@link ExchangeField#IGNORED}, as Sierra Chart's server does. */
        public Builder exchangeField(ExchangeField exchangeField) {
            if (exchangeField == null) {
                throw new IllegalArgumentException("exchangeField: null (expected: IGNORED or USED)");
            }
            this.exchangeField = exchangeField;
            return this;
        }

        /** Defaults to {@link DataRestrictions#off()}. */
        public Builder dataRestrictions(DataRestrictions dataRestrictions) {
            if (dataRestrictions == null) {
                throw new IllegalArgumentException("dataRestrictions: null (expected: DataRestrictions.off(), sierra() or of(...))");
            }
            this.dataRestrictions = dataRestrictions;
            return this;
        }

        public InstrumentTable build() {
            return new InstrumentTable(this);
        }
    }
}

package dev.dtcharness.simulator.market.instrument;

/**
 * An instrument setting that cannot be used, in the project's form {@code "<setting>: <value> (expected: <what>)"},
 * prefixed with the symbol when known. The parts stay readable so a file reader can point at the line.
 */
public final class InstrumentException extends IllegalArgumentException {
    private final String symbol;
    private final String setting;
    private final String value;
    private final String expected;

    InstrumentException(String symbol, String setting, String value, String expected) {
        super((symbol == null || symbol.isBlank() ? "" : symbol + " ") + setting + ": " + value + " (expected: " + expected + ")");
        this.symbol = symbol;
        this.setting = setting;
        this.value = value;
        this.expected = expected;
    }

    /** The instrument's symbol, or null before it is known. */
    public String symbol() {
        return symbol;
    }

    /** The setting's name as the JSON file spells it, e.g. {@code tickSize} or {@code session.open}. */
    public String setting() {
        return setting;
    }

    public String value() {
        return value;
    }

    public String expected() {
        return expected;
    }
}

package dev.dtcharness.simulator.market.instrument;

import dev.dtcharness.protocol.enums.PriceDisplayFormat;
import dev.dtcharness.protocol.enums.SecurityType;
import dev.dtcharness.protocol.message.SecurityDefinitionResponse;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.simulator.market.TickGrid;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One tradable symbol as the simulated exchange knows it: what a SECURITY_DEFINITION_RESPONSE (507) tells a
 * client (FACTS 7.2) plus the session hours the market runs on. Immutable; made with {@link #builder(String)},
 * whose {@code build()} refuses values a client could not use, naming the setting.
 *
 * <p>Prices are exact decimals here ({@link #tickSize()}, {@link #tickValue()}); the 507 carries them as 4-byte
 * floats, and {@link #grid()} gets exact prices back and is the grid a price source for this symbol is built on.
 *
 * <p>One file over 300 lines: each 507 field has its value, accessor, builder setter and check here, and the
 * checks compare fields with each other (the display format against the tick, the margins, the dates).
 */
public final class Instrument {
    private final String symbol;
    private final String exchange;
    private final String description;
    private final SecurityType securityType;
    private final BigDecimal tickSize;
    private final PriceDisplayFormat priceDisplayFormat;
    private final BigDecimal tickValue;
    private final BigDecimal contractSize;
    private final String currency;
    private final String underlyingSymbol;
    private final LocalDate expirationDate;
    private final LocalDate rolloverDate;
    private final BigDecimal initialMargin;
    private final BigDecimal maintenanceMargin;
    private final boolean hasMarketDepth;
    private final boolean updatesBidAskOnly;
    private final SessionHours session;
    private final TickGrid grid;

    private Instrument(Builder b, PriceDisplayFormat format) {
        this.symbol = b.symbol;
        this.exchange = b.exchange;
        this.description = b.description;
        this.securityType = b.securityType;
        this.tickSize = b.tickSize;
        this.priceDisplayFormat = format;
        this.tickValue = b.tickValue;
        this.contractSize = b.contractSize;
        this.currency = b.currency;
        this.underlyingSymbol = b.underlyingSymbol;
        this.expirationDate = b.expirationDate;
        this.rolloverDate = b.rolloverDate;
        this.initialMargin = b.initialMargin;
        this.maintenanceMargin = b.maintenanceMargin;
        this.hasMarketDepth = b.hasMarketDepth;
        this.updatesBidAskOnly = b.updatesBidAskOnly;
        this.session = b.session;
        this.grid = TickGrid.of(b.tickSize);
    }

    public static Builder builder(String symbol) {
        return new Builder(symbol);
    }

    /** A builder holding this instrument's values, to make a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(symbol);
        b.exchange = exchange;
        b.description = description;
        b.securityType = securityType;
        b.tickSize = tickSize;
        b.priceDisplayFormat = priceDisplayFormat;
        b.tickValue = tickValue;
        b.contractSize = contractSize;
        b.currency = currency;
        b.underlyingSymbol = underlyingSymbol;
        b.expirationDate = expirationDate;
        b.rolloverDate = rolloverDate;
        b.initialMargin = initialMargin;
        b.maintenanceMargin = maintenanceMargin;
        b.hasMarketDepth = hasMarketDepth;
        b.updatesBidAskOnly = updatesBidAskOnly;
        b.session = session;
        return b;
    }

    /** The full symbol string a client sends and the 507 echoes (Sierra Chart keys by it, FACTS 7.4). */
    public String symbol() {
        return symbol;
    }

    /** The listing exchange ("CME"); may be empty. Sent in the 507 only when the table uses the Exchange field. */
    public String exchange() {
        return exchange;
    }

    public String description() {
        return description;
    }

    public SecurityType securityType() {
        return securityType;
    }

    /** MinPriceIncrement: the tick. */
    public BigDecimal tickSize() {
        return tickSize;
    }

    public PriceDisplayFormat priceDisplayFormat() {
        return priceDisplayFormat;
    }

    /** CurrencyValuePerIncrement: what one tick is worth in {@link #currency()} per contract (ES: 12.50). */
    public BigDecimal tickValue() {
        return tickValue;
    }

    /** The value of a whole price unit per contract, tickValue / tickSize (ES: 50), what Zorro calls the multiplier. */
    public BigDecimal pointValue() {
        return tickValue.divide(tickSize, MathContext.DECIMAL64).stripTrailingZeros();
    }

    /** ContractSize: units per contract (CL: 1000 barrels), when given. */
    public Optional<BigDecimal> contractSize() {
        return Optional.ofNullable(contractSize);
    }

    /** Currency of tick value and margins, e.g. "USD". */
    public String currency() {
        return currency;
    }

    /** For futures the root without month and year ("ES"); empty when not given. */
    public String underlyingSymbol() {
        return underlyingSymbol;
    }

    /** SecurityExpirationDate, for a dated contract. */
    public Optional<LocalDate> expirationDate() {
        return Optional.ofNullable(expirationDate);
    }

    /** RolloverDate, for a dated contract. */
    public Optional<LocalDate> rolloverDate() {
        return Optional.ofNullable(rolloverDate);
    }

    /** InitialMarginRequirement per contract, when given. */
    public Optional<BigDecimal> initialMargin() {
        return Optional.ofNullable(initialMargin);
    }

    /** MaintenanceMarginRequirement per contract, when given. */
    public Optional<BigDecimal> maintenanceMargin() {
        return Optional.ofNullable(maintenanceMargin);
    }

    /** HasMarketDepthData: whether MARKET_DEPTH_REQUEST is served for it (DTC's default is yes). */
    public boolean hasMarketDepth() {
        return hasMarketDepth;
    }

    /** UpdatesBidAskOnly: the symbol never sends trades, only bid/ask (FACTS 7.2, 8.4). */
    public boolean updatesBidAskOnly() {
        return updatesBidAskOnly;
    }

    public SessionHours session() {
        return session;
    }

    /** Exact price arithmetic on this instrument's tick. */
    public TickGrid grid() {
        return grid;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Instrument i)) {
            return false;
        }
        return symbol.equals(i.symbol) && exchange.equals(i.exchange) && description.equals(i.description)
                && securityType == i.securityType && tickSize.compareTo(i.tickSize) == 0
                && priceDisplayFormat == i.priceDisplayFormat && tickValue.compareTo(i.tickValue) == 0
                && sameNumber(contractSize, i.contractSize) && currency.equals(i.currency)
                && underlyingSymbol.equals(i.underlyingSymbol) && Objects.equals(expirationDate, i.expirationDate)
                && Objects.equals(rolloverDate, i.rolloverDate) && sameNumber(initialMargin, i.initialMargin)
                && sameNumber(maintenanceMargin, i.maintenanceMargin) && hasMarketDepth == i.hasMarketDepth
                && updatesBidAskOnly == i.updatesBidAskOnly && session.equals(i.session);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, exchange, securityType, priceDisplayFormat, session);
    }

    @Override
    public String toString() {
        return symbol + (exchange.isEmpty() ? "" : " (" + exchange + ")") + " " + securityType + " tick "
                + tickSize.toPlainString() + " = " + tickValue.toPlainString() + " " + currency;
    }

    /** Collects an instrument's values; {@link #build()} checks them together. */
    public static final class Builder {
        private final String symbol;
        private String exchange = "";
        private String description = "";
        private SecurityType securityType;
        private BigDecimal tickSize;
        private PriceDisplayFormat priceDisplayFormat;
        private BigDecimal tickValue;
        private BigDecimal contractSize;
        private String currency = "USD";
        private String underlyingSymbol = "";
        private LocalDate expirationDate;
        private LocalDate rolloverDate;
        private BigDecimal initialMargin;
        private BigDecimal maintenanceMargin;
        private boolean hasMarketDepth = true;
        private boolean updatesBidAskOnly;
        private SessionHours session = SessionHours.alwaysOpen();

        private Builder(String symbol) {
            this.symbol = symbol;
        }

        public Builder exchange(String exchange) {
            this.exchange = exchange;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder securityType(SecurityType securityType) {
            this.securityType = securityType;
            return this;
        }

        public Builder tickSize(BigDecimal tickSize) {
            this.tickSize = tickSize;
            return this;
        }

        /** The tick as decimal text ("0.00005"), which is how it should be written to stay exact. */
        public Builder tickSize(String tickSize) {
            this.tickSize = decimal("tickSize", tickSize);
            return this;
        }

        /** Optional: without it the decimal format with just enough places for the tick is used. */
        public Builder priceDisplayFormat(PriceDisplayFormat priceDisplayFormat) {
            this.priceDisplayFormat = priceDisplayFormat;
            return this;
        }

        public Builder tickValue(BigDecimal tickValue) {
            this.tickValue = tickValue;
            return this;
        }

        public Builder tickValue(String tickValue) {
            this.tickValue = decimal("tickValue", tickValue);
            return this;
        }

        public Builder contractSize(BigDecimal contractSize) {
            this.contractSize = contractSize;
            return this;
        }

        public Builder contractSize(String contractSize) {
            this.contractSize = decimal("contractSize", contractSize);
            return this;
        }

        /** Defaults to "USD". */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        public Builder underlyingSymbol(String underlyingSymbol) {
            this.underlyingSymbol = underlyingSymbol;
            return this;
        }

        public Builder expirationDate(LocalDate expirationDate) {
            this.expirationDate = expirationDate;
            return this;
        }

        public Builder rolloverDate(LocalDate rolloverDate) {
            this.rolloverDate = rolloverDate;
            return this;
        }

        public Builder initialMargin(BigDecimal initialMargin) {
            this.initialMargin = initialMargin;
            return this;
        }

        public Builder maintenanceMargin(BigDecimal maintenanceMargin) {
            this.maintenanceMargin = maintenanceMargin;
            return this;
        }

        /** Defaults to true, as DTC's HasMarketDepthData does. */
        public Builder hasMarketDepth(boolean hasMarketDepth) {
            this.hasMarketDepth = hasMarketDepth;
            return this;
        }

        public Builder updatesBidAskOnly(boolean updatesBidAskOnly) {
            this.updatesBidAskOnly = updatesBidAskOnly;
            return this;
        }

        /** Defaults to {@link SessionHours#alwaysOpen()}. */
        public Builder session(SessionHours session) {
            this.session = session;
            return this;
        }

        private BigDecimal decimal(String setting, String text) {
            if (text == null) {
                return null;
            }
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw new InstrumentException(symbol, setting, "\"" + text + "\"", "a decimal number such as 0.25");
            }
        }

        /** The instrument, or an {@link InstrumentException} naming the first setting a client could not use. */
        public Instrument build() {
            text("symbol", symbol, SecurityDefinitionResponse.SYMBOL, true);
            text("exchange", exchange, SecurityDefinitionResponse.EXCHANGE, false);
            text("description", description, SecurityDefinitionResponse.DESCRIPTION, false);
            text("currency", currency, SecurityDefinitionResponse.CURRENCY, false);
            text("underlyingSymbol", underlyingSymbol, SecurityDefinitionResponse.UNDERLYING_SYMBOL, false);
            if (securityType == null || securityType == SecurityType.UNSET) {
                fail("securityType", String.valueOf(securityType), "a security type such as FUTURES, STOCK or FOREX");
            }
            positive("tickSize", tickSize, "the tick size, a number above 0 such as 0.25");
            positive("tickValue", tickValue, "the currency value of one tick, a number above 0 such as 12.50");
            if (contractSize != null) {
                positive("contractSize", contractSize, "a number above 0, or no contract size");
            }
            notNegative("initialMargin", initialMargin);
            notNegative("maintenanceMargin", maintenanceMargin);
            if (initialMargin != null && maintenanceMargin != null && maintenanceMargin.compareTo(initialMargin) > 0) {
                fail("maintenanceMargin", maintenanceMargin.toPlainString(),
                        "at most the initial margin " + initialMargin.toPlainString());
            }
            if (expirationDate != null && rolloverDate != null && rolloverDate.isAfter(expirationDate)) {
                fail("rolloverDate", rolloverDate.toString(), "on or before the expiration date " + expirationDate);
            }
            if (session == null) {
                fail("session", "null", "session hours, or none for always open");
            }
            return new Instrument(this, displayFormat());
        }

        private PriceDisplayFormat displayFormat() {
            if (priceDisplayFormat == null) {
                PriceDisplayFormat derived = DisplayFormats.decimalFor(tickSize);
                if (derived == null) {
                    fail("priceDisplayFormat", "missing", "a format, since the tick " + tickSize.toPlainString()
                            + " needs more than 9 decimals");
                }
                return derived;
            }
            if (priceDisplayFormat == PriceDisplayFormat.UNSET) {
                fail("priceDisplayFormat", "UNSET", "a format that shows the tick " + tickSize.toPlainString()
                        + " (a 507 must carry one)");
            }
            if (!DisplayFormats.shows(priceDisplayFormat, tickSize)) {
                PriceDisplayFormat fits = DisplayFormats.decimalFor(tickSize);
                fail("priceDisplayFormat", priceDisplayFormat.name(), "a format that can show the tick "
                        + tickSize.toPlainString() + (fits == null ? "" : ", e.g. " + fits.name()));
            }
            return priceDisplayFormat;
        }

        private void text(String setting, String value, FieldSpec field, boolean required) {
            if (value == null) {
                fail(setting, "null", required ? "a symbol" : "text, or an empty string");
            }
            if (required && value.isBlank()) {
                fail(setting, "\"" + value + "\"", "a symbol that is not blank");
            }
            if (!value.equals(value.strip())) {
                fail(setting, "\"" + value + "\"", "no spaces at the start or end");
            }
            if (value.length() > field.maxStringLength()) {
                fail(setting, value.length() + " characters", "at most " + field.maxStringLength()
                        + " (" + field.name() + " is " + field.declaration() + " in SECURITY_DEFINITION_RESPONSE)");
            }
        }

        private void positive(String setting, BigDecimal value, String expected) {
            if (value == null) {
                fail(setting, "missing", expected);
            }
            if (value.signum() <= 0) {
                fail(setting, value.toPlainString(), expected);
            }
            // The 507 carries it as a float: a value float cannot tell from 0 or infinity would reach the client as such.
            float f = value.floatValue();
            if (f == 0f || Float.isInfinite(f)) {
                fail(setting, value.toPlainString(), "a number a 4-byte float can carry (1e-38 to 3e38)");
            }
        }

        private void notNegative(String setting, BigDecimal value) {
            if (value != null && value.signum() < 0) {
                fail(setting, value.toPlainString(), "0 or more, or no margin");
            }
        }

        private void fail(String setting, String value, String expected) {
            throw new InstrumentException(symbol, setting, value, expected);
        }
    }
}

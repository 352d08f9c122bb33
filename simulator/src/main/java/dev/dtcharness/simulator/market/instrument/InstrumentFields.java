package dev.dtcharness.simulator.market.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtcharness.protocol.enums.PriceDisplayFormat;
import dev.dtcharness.protocol.enums.SecurityType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The instrument file's keys and how each value is read; errors go through the caller's {@link Failure}. */
final class InstrumentFields {
    static final List<String> KEYS = List.of("symbol", "exchange", "description", "securityType", "tickSize",
            "priceDisplayFormat", "tickValue", "contractSize", "currency", "underlyingSymbol", "expirationDate",
            "rolloverDate", "initialMargin", "maintenanceMargin", "hasMarketDepth", "updatesBidAskOnly", "session", "note");
    static final List<String> SESSION_KEYS = List.of("timeZone", "open", "close", "days");

    /** Makes the exception for a bad value of {@code key}. */
    interface Failure {
        IllegalArgumentException fail(String key, String value, String expected);
    }

    private InstrumentFields() {
    }

    static void apply(Failure f, JsonNode n, Instrument.Builder b) {
        if (has(n, "exchange")) {
            b.exchange(text(f, "exchange", n.get("exchange")));
        }
        if (has(n, "description")) {
            b.description(text(f, "description", n.get("description")));
        }
        if (has(n, "securityType")) {
            b.securityType(securityType(f, n.get("securityType")));
        }
        if (has(n, "tickSize")) {
            b.tickSize(decimal(f, "tickSize", n.get("tickSize")));
        }
        if (has(n, "priceDisplayFormat")) {
            b.priceDisplayFormat(displayFormat(f, n.get("priceDisplayFormat")));
        }
        if (has(n, "tickValue")) {
            b.tickValue(decimal(f, "tickValue", n.get("tickValue")));
        }
        if (has(n, "contractSize")) {
            b.contractSize(decimal(f, "contractSize", n.get("contractSize")));
        }
        if (has(n, "currency")) {
            b.currency(text(f, "currency", n.get("currency")));
        }
        if (has(n, "underlyingSymbol")) {
            b.underlyingSymbol(text(f, "underlyingSymbol", n.get("underlyingSymbol")));
        }
        if (has(n, "expirationDate")) {
            b.expirationDate(date(f, "expirationDate", n.get("expirationDate")));
        }
        if (has(n, "rolloverDate")) {
            b.rolloverDate(date(f, "rolloverDate", n.get("rolloverDate")));
        }
        if (has(n, "initialMargin")) {
            b.initialMargin(decimal(f, "initialMargin", n.get("initialMargin")));
        }
        if (has(n, "maintenanceMargin")) {
            b.maintenanceMargin(decimal(f, "maintenanceMargin", n.get("maintenanceMargin")));
        }
        if (has(n, "hasMarketDepth")) {
            b.hasMarketDepth(bool(f, "hasMarketDepth", n.get("hasMarketDepth")));
        }
        if (has(n, "updatesBidAskOnly")) {
            b.updatesBidAskOnly(bool(f, "updatesBidAskOnly", n.get("updatesBidAskOnly")));
        }
        if (has(n, "note")) {
            text(f, "note", n.get("note"));
        }
        if (has(n, "session")) {
            b.session(session(f, n.get("session")));
        }
    }

    private static boolean has(JsonNode n, String key) {
        return n.has(key) && !n.get(key).isNull();
    }

    static String text(Failure f, String key, JsonNode v) {
        if (!v.isTextual()) {
            throw f.fail(key, InstrumentFile.shown(v), "text in quotes");
        }
        return v.textValue();
    }

    static BigDecimal decimal(Failure f, String key, JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.textValue().strip());
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw f.fail(key, InstrumentFile.shown(v), "a decimal number such as 0.25");
    }

    static boolean bool(Failure f, String key, JsonNode v) {
        if (!v.isBoolean()) {
            throw f.fail(key, InstrumentFile.shown(v), "true or false");
        }
        return v.booleanValue();
    }

    static LocalDate date(Failure f, String key, JsonNode v) {
        try {
            return LocalDate.parse(text(f, key, v));
        } catch (DateTimeException e) {
            throw f.fail(key, InstrumentFile.shown(v), "a date such as 2026-12-18");
        }
    }

    static SecurityType securityType(Failure f, JsonNode v) {
        String allowed = Arrays.stream(SecurityType.values()).filter(t -> t != SecurityType.UNSET)
                .map(Enum::name).collect(Collectors.joining(", "));
        SecurityType t = v.isIntegralNumber() ? SecurityType.of(v.longValue())
                : v.isTextual() ? byName(SecurityType.values(), v.textValue(), SecurityType::specName) : null;
        if (t == null) {
            throw f.fail("securityType", InstrumentFile.shown(v), "one of " + allowed);
        }
        return t;
    }

    static PriceDisplayFormat displayFormat(Failure f, JsonNode v) {
        PriceDisplayFormat p = v.isIntegralNumber() ? PriceDisplayFormat.of(v.longValue())
                : v.isTextual() ? byName(PriceDisplayFormat.values(), v.textValue(), PriceDisplayFormat::specName) : null;
        if (p == null) {
            throw f.fail("priceDisplayFormat", InstrumentFile.shown(v),
                    "DECIMAL_0 to DECIMAL_9 (or 0 to 9), or a DENOMINATOR_ format");
        }
        return p;
    }

    /** The constant named like this, by its Java name or its spec name, in any case. */
    private static <E extends Enum<E>> E byName(E[] values, String text, java.util.function.Function<E, String> specName) {
        String t = text.strip();
        for (E e : values) {
            if (e.name().equalsIgnoreCase(t) || specName.apply(e).equalsIgnoreCase(t)) {
                return e;
            }
        }
        return null;
    }

    static SessionHours session(Failure f, JsonNode v) {
        if (!v.isObject()) {
            throw f.fail("session", InstrumentFile.shown(v), "an object with timeZone, open, close and days");
        }
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!SESSION_KEYS.contains(key)) {
                throw f.fail("session." + key, "unknown field", "one of " + SESSION_KEYS);
            }
        }
        ZoneId zone;
        String zoneText = text(f, "session.timeZone", need(f, v, "timeZone", "a time zone such as America/Chicago"));
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw f.fail("session.timeZone", "\"" + zoneText + "\"", "a time zone such as America/Chicago or UTC");
        }
        LocalTime open = time(f, "session.open", need(f, v, "open", "the opening time such as 17:00"));
        LocalTime close = time(f, "session.close", need(f, v, "close", "the closing time such as 16:00"));
        return SessionHours.of(zone, open, close, days(f, need(f, v, "days", "trading days such as [\"MON\", \"TUE\"]")));
    }

    private static JsonNode need(Failure f, JsonNode v, String key, String expected) {
        JsonNode x = v.get(key);
        if (x == null || x.isNull()) {
            throw f.fail("session." + key, "missing", expected);
        }
        return x;
    }

    private static LocalTime time(Failure f, String key, JsonNode v) {
        try {
            return LocalTime.parse(text(f, key, v));
        } catch (DateTimeException e) {
            throw f.fail(key, InstrumentFile.shown(v), "a time of day such as 17:00 or 09:30:00");
        }
    }

    private static final Map<String, DayOfWeek> DAY_NAMES = dayNames();

    private static Map<String, DayOfWeek> dayNames() {
        Map<String, DayOfWeek> m = new java.util.HashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            m.put(d.name(), d);
            m.put(d.name().substring(0, 3), d);
        }
        return m;
    }

    private static Set<DayOfWeek> days(Failure f, JsonNode v) {
        String expected = "a non-empty list of days such as [\"MON\", \"TUE\"] or [\"MONDAY\"]";
        if (!v.isArray() || v.isEmpty()) {
            throw f.fail("session.days", InstrumentFile.shown(v), expected);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (JsonNode d : v) {
            DayOfWeek day = d.isTextual() ? DAY_NAMES.get(d.textValue().strip().toUpperCase(Locale.ROOT)) : null;
            if (day == null) {
                throw f.fail("session.days", InstrumentFile.shown(d), expected);
            }
            days.add(day);
        }
        return days;
    }
}

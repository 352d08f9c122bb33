package dev.dtcharness.simulator.market.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.enums.PriceDisplayFormat;
import dev.dtcharness.protocol.enums.SecurityType;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstrumentFileTest {
    // Line numbers in the expected messages count from this text's first line.
    private static final String GOOD = """
            {
              "instruments": [
                {
                  "symbol": "ES",
                  "securityType": "FUTURES",
                  "tickSize": 0.25,
                  "tickValue": 12.50,
                  "session": {
                    "timeZone": "America/Chicago",
                    "open": "17:00",
                    "close": "16:00",
                    "days": ["MON", "FRI"]
                  }
                },
                {
                  "symbol": "CL",
                  "securityType": "FUTURES",
                  "tickSize": 0.01,
                  "tickValue": 10
                }
              ]
            }
            """;

    @Test
    void shouldReadTheGoodFile() {
        InstrumentTable t = InstrumentTable.parse(GOOD, "t.json");
        Instrument es = t.find("ES").orElseThrow();
        assertThat(es.tickSize()).isEqualByComparingTo("0.25");
        assertThat(es.session()).isEqualTo(SessionHours.of(ZoneId.of("America/Chicago"), LocalTime.of(17, 0),
                LocalTime.of(16, 0), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));
        assertThat(t.find("CL").orElseThrow().session()).isEqualTo(SessionHours.alwaysOpen());
        assertThat(t.find("CL").orElseThrow().priceDisplayFormat()).isEqualTo(PriceDisplayFormat.DECIMAL_2);
    }

    @Test
    void shouldReadEveryFieldAsTheJavaBuilderWouldSetIt() {
        String json = """
                {"about": "every field", "instruments": [{
                  "symbol": "ZNH27", "exchange": "CBOT", "description": "10-Year T-Note", "securityType": "SECURITY_TYPE_FUTURES",
                  "tickSize": "0.015625", "priceDisplayFormat": 134, "tickValue": 15.625, "contractSize": 100000,
                  "currency": "USD", "underlyingSymbol": "ZN", "expirationDate": "2027-03-22", "rolloverDate": "2027-02-26",
                  "initialMargin": 2200, "maintenanceMargin": 2000, "hasMarketDepth": false, "updatesBidAskOnly": true,
                  "note": "a bond future", "session": {"timeZone": "America/Chicago", "open": "17:00:00", "close": "16:00",
                  "days": ["monday", "Tue", "WED", "THURSDAY", "FRI"]}
                }]}
                """;
        Instrument expected = Instrument.builder("ZNH27").exchange("CBOT").description("10-Year T-Note")
                .securityType(SecurityType.FUTURES).tickSize("0.015625").priceDisplayFormat(PriceDisplayFormat.DENOMINATOR_32_HALVES)
                .tickValue("15.625").contractSize("100000").currency("USD").underlyingSymbol("ZN")
                .expirationDate(LocalDate.of(2027, 3, 22)).rolloverDate(LocalDate.of(2027, 2, 26))
                .initialMargin(new java.math.BigDecimal("2200")).maintenanceMargin(new java.math.BigDecimal("2000"))
                .hasMarketDepth(false).updatesBidAskOnly(true)
                .session(SessionHours.of(ZoneId.of("America/Chicago"), LocalTime.of(17, 0), LocalTime.of(16, 0),
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)))
                .build();
        assertThat(InstrumentTable.parse(json, "zn.json").find("ZNH27")).contains(expected);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                edit("\"tickSize\": 0.01", "\"tickSize\": \"abc\"",
                        "t.json line 18: instruments[1].tickSize (CL): \"abc\" (expected: a decimal number such as 0.25)"),
                edit("\"tickSize\": 0.01", "\"tickSize\": 0",
                        "t.json line 18: instruments[1].tickSize (CL): 0 (expected: the tick size, a number above 0 such as 0.25)"),
                edit("\"tickSize\": 0.01", "\"tickSize\": -0.01",
                        "t.json line 18: instruments[1].tickSize (CL): -0.01 (expected: the tick size, a number above 0 such as 0.25)"),
                edit("\"tickSize\": 0.01,", "",
                        "t.json line 15: instruments[1].tickSize (CL): missing (expected: the tick size, a number above 0 such as 0.25)"),
                edit("\"tickSize\": 0.01", "\"tick\": 0.01",
                        "t.json line 18: instruments[1].tick (CL): unknown field (expected: one of [symbol, exchange, description, "
                                + "securityType, tickSize, priceDisplayFormat, tickValue, contractSize, currency, underlyingSymbol, "
                                + "expirationDate, rolloverDate, initialMargin, maintenanceMargin, hasMarketDepth, updatesBidAskOnly, "
                                + "session, note])"),
                edit("\"symbol\": \"CL\",", "",
                        "t.json line 15: instruments[1].symbol: missing (expected: the symbol, e.g. \"ES\")"),
                edit("\"symbol\": \"CL\"", "\"symbol\": 5",
                        "t.json line 16: instruments[1].symbol: 5 (expected: text in quotes)"),
                edit("\"symbol\": \"CL\"", "\"symbol\": \"ES\"",
                        "t.json line 16: instruments[1].symbol: \"ES\" (expected: a symbol not already in the table (instruments[0] has it))"),
                edit("\"symbol\": \"CL\"", "\"symbol\": \"" + "C".repeat(64) + "\"",
                        "t.json line 16: instruments[1].symbol (" + "C".repeat(64) + "): 64 characters (expected: at most 63 "
                                + "(Symbol is char[64] in SECURITY_DEFINITION_RESPONSE))"),
                edit("\"securityType\": \"FUTURES\",\n      \"tickSize\": 0.01", "\"securityType\": \"FUTURE\",\n      \"tickSize\": 0.01",
                        "t.json line 17: instruments[1].securityType (CL): \"FUTURE\" (expected: one of FUTURES, STOCK, FOREX, INDEX, "
                                + "FUTURES_STRATEGY, FUTURES_OPTION, STOCK_OPTION, INDEX_OPTION, BOND, MUTUAL_FUND)"),
                edit("\"tickValue\": 10", "\"tickValue\": 10, \"priceDisplayFormat\": 1",
                        "t.json line 19: instruments[1].priceDisplayFormat (CL): DECIMAL_1 (expected: a format that can show the tick "
                                + "0.01, e.g. DECIMAL_2)"),
                edit("\"tickValue\": 10", "\"tickValue\": 10, \"priceDisplayFormat\": 42",
                        "t.json line 19: instruments[1].priceDisplayFormat (CL): 42 (expected: DECIMAL_0 to DECIMAL_9 (or 0 to 9), "
                                + "or a DENOMINATOR_ format)"),
                edit("\"tickValue\": 10", "\"tickValue\": 10, \"hasMarketDepth\": \"yes\"",
                        "t.json line 19: instruments[1].hasMarketDepth (CL): \"yes\" (expected: true or false)"),
                edit("\"tickValue\": 10", "\"tickValue\": 10, \"expirationDate\": \"22/03/2027\"",
                        "t.json line 19: instruments[1].expirationDate (CL): \"22/03/2027\" (expected: a date such as 2026-12-18)"),
                edit("\"tickValue\": 10", "\"tickValue\": 10, \"initialMargin\": 100, \"maintenanceMargin\": 200",
                        "t.json line 19: instruments[1].maintenanceMargin (CL): 200 (expected: at most the initial margin 100)"),
                edit("America/Chicago", "America/Chicgo",
                        "t.json line 9: instruments[0].session.timeZone (ES): \"America/Chicgo\" (expected: a time zone such as "
                                + "America/Chicago or UTC)"),
                edit("\"open\": \"17:00\"", "\"open\": \"5pm\"",
                        "t.json line 10: instruments[0].session.open (ES): \"5pm\" (expected: a time of day such as 17:00 or 09:30:00)"),
                edit("\"open\": \"17:00\"", "\"opens\": \"17:00\"",
                        "t.json line 10: instruments[0].session.opens (ES): unknown field (expected: one of [timeZone, open, close, days])"),
                edit("\"close\": \"16:00\",", "",
                        "t.json line 8: instruments[0].session.close (ES): missing (expected: the closing time such as 16:00)"),
                edit("[\"MON\", \"FRI\"]", "[\"MON\", \"FUNDAY\"]",
                        "t.json line 12: instruments[0].session.days (ES): \"FUNDAY\" (expected: a non-empty list of days such as "
                                + "[\"MON\", \"TUE\"] or [\"MONDAY\"])"),
                edit("[\"MON\", \"FRI\"]", "[]",
                        "t.json line 12: instruments[0].session.days (ES): [] (expected: a non-empty list of days such as "
                                + "[\"MON\", \"TUE\"] or [\"MONDAY\"])"),
                edit("\"tickValue\": 10", "\"tickValue\": 10, \"session\": 7",
                        "t.json line 19: instruments[1].session (CL): 7 (expected: an object with timeZone, open, close and days)"),
                edit("\"tickSize\": 0.01,", "\"tickSize\": 0.01",
                        "t.json line 19: malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate "
                                + "Object entries"),
                edit("\"tickValue\": 10", "\"tickValue\": 10, \"tickValue\": 11",
                        "t.json line 19: malformed JSON: Duplicate field 'tickValue'"),
                whole("[]", "t.json line 1: the file: [ (expected: a JSON object with an \"instruments\" array)"),
                whole("", "t.json line 1: the file: empty (expected: a JSON object with an \"instruments\" array)"),
                whole("{\"instruments\": {}}", "t.json line 1: instruments: {} (expected: an array of instruments)"),
                whole("{\"instruments\": [42]}",
                        "t.json line 1: instruments[0]: 42 (expected: an object with symbol, securityType, tickSize, tickValue...)"),
                whole("{\"about\": \"x\"}", "t.json line 1: instruments: missing (expected: an \"instruments\" array)"),
                whole("{\"instrument\": []}",
                        "t.json line 1: instrument: unknown field (expected: \"instruments\" (and optionally \"about\"))"),
                whole(GOOD + "{}", "t.json line 23: the file: more after the closing } (expected: one JSON object)"));
    }

    private static Arguments edit(String from, String to, String expected) {
        if (!GOOD.contains(from)) {
            throw new IllegalStateException("test setup: " + from + " not in the good file");
        }
        return Arguments.of(GOOD.replace(from, to), expected);
    }

    private static Arguments whole(String text, String expected) {
        return Arguments.of(text, expected);
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void shouldNameFileLineFieldAndWhatWasExpectedInOneLine(String json, String expected) {
        assertThatThrownBy(() -> InstrumentTable.parse(json, "t.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected)
                .message().doesNotContain("\n");
    }

    @Test
    void shouldNameThePathOfAFileOnDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, GOOD.replace("0.25", "0"));
        assertThatThrownBy(() -> InstrumentTable.load(file))
                .hasMessageStartingWith(file + " line 6: instruments[0].tickSize (ES): 0 (expected:");
        Files.writeString(file, GOOD);
        assertThat(InstrumentTable.load(file).size()).isEqualTo(2);
        Path missing = dir.resolve("none.json");
        assertThatThrownBy(() -> InstrumentTable.load(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read instrument file " + missing);
    }
}

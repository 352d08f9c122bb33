package dev.dtcharness.simulator.market.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.simulator.market.TickGrid;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TickFileTest {

    private static final TickGrid ES = TickGrid.of(0.25);

    static Path resource(String name) throws URISyntaxException {
        return Path.of(TickFileTest.class.getResource(name).toURI());
    }

    @Test
    void readsTradesQuotesAndBothWithAHeaderCommentsAndBlankLines() throws Exception {
        TickFile file = TickFile.read(resource("es-ticks.csv"), ES, 10);
        assertThat(file.rows()).isEqualTo(7);

        assertThat(file.hasQuote(0)).isTrue();
        assertThat(file.hasTrade(0)).isFalse();
        assertThat(file.bidTicks(0)).isEqualTo(18000);
        assertThat(file.askTicks(0)).isEqualTo(18001);
        assertThat(file.bidSize(0)).isEqualTo(10);

        assertThat(file.hasTrade(1)).isTrue();
        assertThat(file.priceTicks(1)).isEqualTo(18001);
        assertThat(file.size(1)).isEqualTo(2);

        assertThat(file.hasQuote(2)).isFalse();
        assertThat(file.priceTicks(2)).isEqualTo(18000);

        // the ISO-8601 line and the epoch lines are one timeline
        assertThat(file.time(3)).isEqualTo(1_765_200_601_000L);
        assertThat(file.time(6)).isEqualTo(1_765_200_610_000L);
    }

    @Test
    void recordedQuoteSizesAreKept() throws IOException {
        TickFile file = TickFile.parse(new StringReader("1000,4500.25,2,4500.00,4500.25,17,4\n"), "inline", ES, 1);
        assertThat(file.bidSize(0)).isEqualTo(17);
        assertThat(file.askSize(0)).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        4501.30 off the grid    | 1000,4501.30,1,4501.00,4501.25 | line 3: price '4501.30' (expected: a decimal price on the 0.25 tick grid)
        too few fields          | 1000,4501.25,1                 | line 3: 3 fields in '1000,4501.25,1' (expected: time,price,size,bid,ask[,bidSize,askSize])
        a time that is no time  | 12:00,4501.25,1,,              | line 3: time '12:00' (expected: epoch milliseconds or an ISO-8601 instant such as 2026-12-08T14:30:00.125Z)
        time going back         | 999,4501.25,1,,                | line 3: time 999 is before the previous line's (expected: times in order)
        a price without a size  | 1000,4501.25,,4501.00,4501.25  | line 3: price '4501.25' with size '' (expected: both price and size, or neither)
        a bid without an ask    | 1000,,,4501.00,                | line 3: bid '4501.00' with ask '' (expected: both bid and ask, or neither)
        nothing on the line     | 1000,,,,                       | line 3: neither a trade nor a quote (expected: a price and size, a bid and ask, or both)
        a zero size             | 1000,4501.25,0,,               | line 3: size '0' (expected: a positive number)
        a crossed book          | 1000,,,4501.50,4501.25         | line 3: bid 4501.50 above ask 4501.25 (expected: bid <= ask)
        sizes without a quote   | 1000,4501.25,1,,,5,5           | line 3: bidSize/askSize without a bid and ask (expected: sizes only on a line with a quote)
        """)
    void aBadLineIsOneLineNamingFileLineAndWhatWasExpected(String why, String badLine, String message,
            @TempDir Path dir) throws IOException {
        Path file = dir.resolve("ticks.csv");
        Files.writeString(file, "time,price,size,bid,ask\n1000,4501.00,1,4501.00,4501.25\n" + badLine + "\n");
        assertThatThrownBy(() -> TickFile.read(file, ES, 1))
                .isInstanceOf(TickFileException.class)
                .hasMessage(file + " " + message)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("\n");
                    assertThat(e.getStackTrace()).isEmpty();
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void aFileWithNoTicksSaysSo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, "time,price,size,bid,ask\n# nothing recorded\n\n");
        assertThatThrownBy(() -> TickFile.read(file, ES, 1))
                .isInstanceOf(TickFileException.class)
                .hasMessage(file + ": no ticks (expected: lines of time,price,size,bid,ask[,bidSize,askSize])");
    }

    @Test
    void aMissingFileIsOneLineToo(@TempDir Path dir) {
        Path file = dir.resolve("missing.csv");
        assertThatThrownBy(() -> TickFile.read(file, ES, 1))
                .isInstanceOf(TickFileException.class)
                .hasMessageStartingWith(file + ": cannot read (")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void onlyAFirstLineWithoutDigitsIsAHeader() {
        // a bad first data line must be reported, not mistaken for a header
        assertThatThrownBy(() -> TickFile.parse(new StringReader("12:00,4501.25,1,,\n"), "ticks", ES, 1))
                .hasMessageStartingWith("ticks line 1: time '12:00'");
    }
}

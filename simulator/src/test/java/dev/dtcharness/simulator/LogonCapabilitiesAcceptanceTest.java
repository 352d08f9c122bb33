package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * LOGON_RESPONSE states every capability flag with its value (FACTS.md 1.3, 2.3): an absent flag means the
 * struct default (1 for MarketDataSupported), while clients read {@code .get(flag, 0)}. Read as raw JSON
 * text here, since a decoder fills in absent fields and would hide a missing one.
 */
class LogonCapabilitiesAcceptanceTest {
    /**
     * What the simulator serves (FACTS.md 2.3): trading with OCO and cancel/replace, security definitions from the
     * instrument table; no market data, no brackets.
     */
    private static final Map<String, Integer> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("TradingIsSupported", 1), Map.entry("OCOOrdersSupported", 1),
            Map.entry("OrderCancelReplaceSupported", 1), Map.entry("BracketOrdersSupported", 0),
            Map.entry("MarketDataSupported", 0), Map.entry("MarketDepthIsSupported", 0),
            Map.entry("SecurityDefinitionsSupported", 1), Map.entry("HistoricalPriceDataSupported", 0),
            Map.entry("MarketDepthUpdatesBestBidAndAsk", 0), Map.entry("ResubscribeWhenMarketDataFeedAvailable", 0),
            Map.entry("OneHistoricalPriceDataRequestPerConnection", 0),
            Map.entry("UsesMultiplePositionsPerSymbolAndTradeAccount", 0)));

    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().build());

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** The spec's flags: LOGON_RESPONSE's one-byte fields, Unused_1 (once UseIntegerPriceOrderMessages) aside. */
    private static Set<String> specFlags() {
        return DtcSpec.v8().message("LOGON_RESPONSE").fields().stream()
                .filter(f -> f.ctype().equals("uint8_t") && !f.name().startsWith("Unused"))
                .map(FieldSpec::name).collect(Collectors.toSet());
    }

    @Test
    void shouldExpectAValueForEveryFlagTheSpecHas() {
        assertThat(EXPECTED.keySet()).as("a flag the spec has and this test does not know").isEqualTo(specFlags());
    }

    @ParameterizedTest
    @EnumSource(value = DtcEncoding.class, names = {"JSON_ENCODING", "JSON_COMPACT_ENCODING"})
    void shouldStateEveryCapabilityFlagInJson(DtcEncoding encoding) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", simulator.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(5_000);
            if (encoding == DtcEncoding.JSON_COMPACT_ENCODING) {
                out.write(new byte[] {16, 0, 6, 0, 8, 0, 0, 0, 3, 0, 0, 0, 'D', 'T', 'C', 0});
                assertThat(in.readNBytes(16)[8]).as("ENCODING_RESPONSE grants compact JSON").isEqualTo((byte) 3);
            }
            out.write(("{\"Type\":1,\"ProtocolVersion\":8,\"HeartbeatIntervalInSeconds\":10,\"ClientName\":\"py\"}\0")
                    .getBytes(StandardCharsets.US_ASCII));
            JsonNode response = new ObjectMapper().readTree(readUntilNul(in));

            assertThat(response.path("Type").asInt()).isEqualTo(2);
            for (String flag : specFlags()) {
                assertThat(response.has(flag)).as("%s present in %s", flag, response).isTrue();
                assertThat(response.get(flag).asInt()).as(flag).isEqualTo(EXPECTED.get(flag));
            }
            assertThat(response.get("MarketDataSupported").asInt()).isZero();
            assertThat(response.get("MarketDepthIsSupported").asInt()).isZero();
            assertThat(response.get("BracketOrdersSupported").asInt()).isZero();
            assertThat(response.get("TradingIsSupported").asInt()).isEqualTo(1);
            assertThat(response.get("OrderCancelReplaceSupported").asInt()).isEqualTo(1);
        }
    }

    @Test
    void shouldStateEveryCapabilityFlagInBinary() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING)) {
            DtcMessage response = client.tryLogOn(DtcMessage.of("LOGON_REQUEST").set("ProtocolVersion", 8)
                    .set("HeartbeatIntervalInSeconds", 10));
            Map<String, Integer> stated = new TreeMap<>();
            specFlags().forEach(flag -> stated.put(flag, response.getInt(flag)));
            // In binary every byte is there: what matters is that a flag whose struct default is 1 reads 0.
            assertThat(stated).isEqualTo(EXPECTED);
        }
    }

    private static String readUntilNul(InputStream in) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new IOException("closed before the NUL; read " + text);
            }
            text.write(b);
        }
        return text.toString(StandardCharsets.US_ASCII);
    }
}

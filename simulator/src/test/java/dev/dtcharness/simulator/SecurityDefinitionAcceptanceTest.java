package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.market.instrument.InstrumentTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SECURITY_DEFINITION_FOR_SYMBOL_REQUEST (506) is served from the configured instrument table (FACTS 7.1, 7.2):
 * a known symbol gets its one SECURITY_DEFINITION_RESPONSE with the RequestID echoed, an unknown one a
 * SECURITY_DEFINITION_REJECT with text, in the session's encoding, and LOGON_RESPONSE says it is supported.
 */
class SecurityDefinitionAcceptanceTest {
    private DtcSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private WireClient loggedOn(SimulatorConfig config, DtcEncoding encoding) {
        simulator = DtcSimulator.start(config);
        WireClient client = new WireClient(simulator.port(), encoding);
        DtcMessage logon = client.tryLogOn(DtcMessage.of("LOGON_REQUEST").set("ProtocolVersion", 8)
                .set("HeartbeatIntervalInSeconds", 10));
        assertThat(logon.enumName("Result")).isEqualTo("LOGON_SUCCESS");
        assertThat(logon.getInt("SecurityDefinitionsSupported")).as("LOGON_RESPONSE.SecurityDefinitionsSupported")
                .isEqualTo(1);
        return client;
    }

    private static DtcMessage answerTo(WireClient client, int requestId, String symbol) {
        client.send(DtcMessage.of("SECURITY_DEFINITION_FOR_SYMBOL_REQUEST").set("RequestID", requestId)
                .set("Symbol", symbol));
        return client.receiveUntil(m -> !m.is("HEARTBEAT"));
    }

    @ParameterizedTest
    @EnumSource(value = DtcEncoding.class, names = {"BINARY_ENCODING", "JSON_ENCODING"})
    void aKnownSymbolGetsItsDefinitionFromTheStarters(DtcEncoding encoding) {
        try (WireClient client = loggedOn(SimulatorConfig.builder().dynamicPort().build(), encoding)) {
            DtcMessage es = answerTo(client, 41, "ES");

            assertThat(es.name()).isEqualTo("SECURITY_DEFINITION_RESPONSE");
            assertThat(es.getInt("RequestID")).isEqualTo(41);
            assertThat(es.getString("Symbol")).isEqualTo("ES");
            assertThat(es.getDouble("MinPriceIncrement")).isEqualTo(0.25);
            assertThat(es.getDouble("CurrencyValuePerIncrement")).isEqualTo(12.5);
            assertThat(es.enumName("PriceDisplayFormat")).isEqualTo("PRICE_DISPLAY_FORMAT_DECIMAL_2");
            assertThat(es.getInt("IsFinalMessage")).isEqualTo(1);

            DtcMessage cl = answerTo(client, 42, "CL");
            assertThat(cl.getInt("RequestID")).isEqualTo(42);
            // A 4-byte float on the binary wire, text in JSON: the tick within float precision either way (7.2).
            assertThat(cl.getDouble("MinPriceIncrement")).isCloseTo(0.01, within(1e-7));
        }
    }

    @ParameterizedTest
    @EnumSource(value = DtcEncoding.class, names = {"BINARY_ENCODING", "JSON_ENCODING"})
    void anUnknownSymbolIsRejectedWithText(DtcEncoding encoding) {
        try (WireClient client = loggedOn(SimulatorConfig.builder().dynamicPort().build(), encoding)) {
            DtcMessage reject = answerTo(client, 43, "XYZ");

            assertThat(reject.name()).isEqualTo("SECURITY_DEFINITION_REJECT");
            assertThat(reject.getInt("RequestID")).isEqualTo(43);
            assertThat(reject.getString("RejectText")).isEqualTo("Unknown symbol XYZ");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DtcEncoding.class, names = {"BINARY_ENCODING", "JSON_ENCODING"})
    void theConfiguredTableIsTheOneServed(DtcEncoding encoding) {
        InstrumentTable own = InstrumentTable.parse("""
                {"instruments": [{"symbol": "ESZ6", "securityType": "FUTURES", "tickSize": 0.5, "tickValue": 25}]}
                """, "own.json");
        try (WireClient client = loggedOn(SimulatorConfig.builder().dynamicPort().instruments(own).build(), encoding)) {
            DtcMessage esz6 = answerTo(client, 44, "ESZ6");
            assertThat(esz6.name()).isEqualTo("SECURITY_DEFINITION_RESPONSE");
            assertThat(esz6.getDouble("MinPriceIncrement")).isEqualTo(0.5);

            DtcMessage es = answerTo(client, 45, "ES");
            assertThat(es.name()).as("the starters are not served beside a table of one's own")
                    .isEqualTo("SECURITY_DEFINITION_REJECT");
            assertThat(es.getString("RejectText")).isEqualTo("Unknown symbol ES");
        }
    }
}

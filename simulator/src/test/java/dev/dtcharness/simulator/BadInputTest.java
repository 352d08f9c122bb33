package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.SimulatorAcceptanceTest.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input closes only the offending session, with a log line naming the problem; others keep trading. */
class BadInputTest {
    private final LogCapture log = new LogCapture();
    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().build());

    @AfterEach
    void stop() {
        simulator.close();
        log.close();
    }

    @Test
    void shouldCloseOnlyTheSessionWhoseJsonDoesNotParse() {
        try (WireClient good = new WireClient(simulator.port(), DtcEncoding.JSON_ENCODING).logOn();
             WireClient bad = new WireClient(simulator.port(), DtcEncoding.JSON_ENCODING).logOn()) {
            bad.sendRaw("{\"Type\":208,\"Symbol\":\"ES\",\0");

            assertThat(bad.closedWithin(Duration.ofSeconds(5))).as("the bad session is closed").isTrue();
            assertThat(bad.leftover()).as("the LOGOFF says why").contains("\"Type\":5").contains("JSON");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(log.lines())
                    .anyMatch(l -> l.startsWith("WARN session ") && l.contains("closing") && l.contains("JSON")));
            stillTrades(good, "after-json");
        }
    }

    @Test
    void shouldCloseOnlyTheSessionWhoseBinarySizeIsBelowTheHeader() {
        try (WireClient good = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn();
             WireClient bad = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn()) {
            bad.sendRaw(new byte[] {2, 0, 3, 0});

            assertThat(bad.closedWithin(Duration.ofSeconds(5))).as("the bad session is closed").isTrue();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(log.lines())
                    .anyMatch(l -> l.contains("closing") && l.contains("Size is 2")));
            stillTrades(good, "after-binary");
        }
    }

    @Test
    void shouldRejectAnOrderWithATextSideNamingTheFieldAndKeepTheSession() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.JSON_ENCODING).logOn()) {
            client.sendRaw("{\"Type\":208,\"Symbol\":\"ES\",\"ClientOrderID\":\"TXT-1\",\"BuySell\":\"BUY\","
                    + "\"OrderType\":2,\"Price1\":1.5,\"Quantity\":1}\0");
            DtcMessage reject = client.receive("ORDER_UPDATE");
            assertThat(reject.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_REJECTED");
            assertThat(reject.getString("ClientOrderID")).isEqualTo("TXT-1");
            assertThat(reject.getString("InfoText")).contains("BuySell").contains("\"BUY\"").contains("BUY = 1");
            stillTrades(client, "after-text-side");
        }
    }

    @Test
    void shouldIgnoreAnOrderSentBeforeLogonAndSayWhy() {
        try (WireClient client = new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING)) {
            client.send(limitOrder("EARLY", "BUY", 1, 1));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(log.lines())
                    .anyMatch(l -> l.contains("SUBMIT_NEW_SINGLE_ORDER") && l.contains("before logon")));
            client.logOn();
            stillTrades(client, "after-early");
        }
    }

    private static void stillTrades(WireClient client, String id) {
        client.send(limitOrder(id, "BUY", 1, 10));
        DtcMessage fill = client.receiveUntil(m -> m.is("ORDER_UPDATE") && m.getString("ClientOrderID").equals(id)
                && m.getInt("OrderStatus") == 7);
        assertThat(fill.getDouble("FilledQuantity")).isEqualTo(1.0);
    }
}

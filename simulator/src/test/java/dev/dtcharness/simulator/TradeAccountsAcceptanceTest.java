package dev.dtcharness.simulator;

import static dev.dtcharness.simulator.SimulatorAcceptanceTest.limitOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trade accounts as Sierra Chart serves them (FACTS.md 3.2 I, 3.6): its simulated account is Sim1,
 * an order trades only in an account the simulator serves, and TRADE_ACCOUNTS_REQUEST lists those alone.
 */
class TradeAccountsAcceptanceTest {
    private DtcSimulator simulator;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private WireClient start(SimulatorConfig config) {
        simulator = DtcSimulator.start(config.toBuilder().dynamicPort().fillPolicy(FillPolicy.REST_LIMIT_ORDERS)
                .acceptVariant(AcceptVariant.OPEN).build());
        return new WireClient(simulator.port(), DtcEncoding.BINARY_ENCODING).logOn();
    }

    @Test
    void shouldServeSim1ByDefaultAsSierraChartNamesItsSimulatedAccount() {
        try (WireClient client = start(SimulatorConfig.builder().build())) {
            assertThat(accounts(client, 1)).containsExactly("Sim1");
            client.send(limitOrder("D-1", "BUY", 1, 4400).set("TradeAccount", "Sim1"));
            DtcMessage accepted = client.receive("ORDER_UPDATE");
            assertThat(accepted.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_ACCEPTED");
            assertThat(accepted.getString("TradeAccount")).isEqualTo("Sim1");
        }
    }

    @Test
    void shouldRejectAnOrderForAnAccountTheSimulatorDoesNotServeNamingTheAccountsItHas() {
        try (WireClient client = start(SimulatorConfig.builder().tradeAccounts("Sim1", "Sim2").build())) {
            client.send(limitOrder("U-1", "BUY", 1, 4400).set("TradeAccount", "SIM1"));
            DtcMessage reject = client.receive("ORDER_UPDATE");
            assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
            assertThat(reject.enumName("OrderStatus")).isEqualTo("ORDER_STATUS_REJECTED");
            assertThat(reject.getString("TradeAccount")).as("the request's account, echoed").isEqualTo("SIM1");
            assertThat(reject.getString("InfoText")).contains("TradeAccount SIM1 is not an account")
                    .contains("Sim1, Sim2");
            assertThat(simulator.exchange().orders()).isEmpty();
        }
    }

    @Test
    void shouldRejectAnOrderWithoutAccountWhenThereAreSeveralAndTradeInTheOnlyOneOtherwise() {
        try (WireClient client = start(SimulatorConfig.builder().tradeAccounts("Sim1", "Sim2").build())) {
            client.send(limitOrder("E-1", "BUY", 1, 4400).set("TradeAccount", ""));
            DtcMessage reject = client.receive("ORDER_UPDATE");
            assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
            assertThat(reject.getString("InfoText")).contains("TradeAccount is empty").contains("Sim1, Sim2");

            client.send(DtcMessage.of("SUBMIT_FLATTEN_POSITION_ORDER").set("Symbol", "ES").set("ClientOrderID", "E-2"));
            DtcMessage flatten = client.receive("ORDER_UPDATE");
            assertThat(flatten.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
            assertThat(flatten.getString("InfoText")).contains("TradeAccount is empty");
        }
        simulator.close();
        try (WireClient client = start(SimulatorConfig.builder().build())) {
            client.send(limitOrder("E-3", "BUY", 1, 4400).set("TradeAccount", ""));
            DtcMessage accepted = client.receive("ORDER_UPDATE");
            assertThat(accepted.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_ACCEPTED");
            assertThat(accepted.getString("TradeAccount")).as("the only account, said").isEqualTo("Sim1");
            assertThat(simulator.exchange().workingOrder("E-3").tradeAccount()).isEqualTo("Sim1");
        }
    }

    @Test
    void shouldRejectAnOcoOrderForAnAccountNotServedWithTwoRejects() {
        try (WireClient client = start(SimulatorConfig.builder().build())) {
            client.send(DtcMessage.of("SUBMIT_NEW_OCO_ORDER").set("Symbol", "ES").set("TradeAccount", "Nobody")
                    .set("ClientOrderID_1", "O-1").setEnum("OrderType_1", "ORDER_TYPE_LIMIT").setEnum("BuySell_1", "SELL")
                    .set("Price1_1", 4600.0).set("Quantity_1", 1)
                    .set("ClientOrderID_2", "O-2").setEnum("OrderType_2", "ORDER_TYPE_STOP").setEnum("BuySell_2", "SELL")
                    .set("Price1_2", 4400.0).set("Quantity_2", 1));
            for (String id : List.of("O-1", "O-2")) {
                DtcMessage reject = client.receive("ORDER_UPDATE");
                assertThat(reject.getString("ClientOrderID")).isEqualTo(id);
                assertThat(reject.enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
                assertThat(reject.getString("InfoText")).contains("TradeAccount Nobody is not an account").contains("Sim1");
            }
        }
    }

    @Test
    void shouldListOnlyTheConfiguredAccountsWhateverOrdersNamedOrAStateDirectoryHolds() {
        try (WireClient client = start(SimulatorConfig.builder().stateDirectory(dir).tradeAccounts("Sim1", "Old").build())) {
            client.send(limitOrder("L-1", "BUY", 1, 4400).set("TradeAccount", "Old"));
            client.receive("ORDER_UPDATE");
            simulator.exchange().fill(simulator.exchange().workingOrder("L-1").serverOrderId());
            client.receive("POSITION_UPDATE");
        }
        simulator.close();
        try (WireClient client = start(SimulatorConfig.builder().stateDirectory(dir).tradeAccounts("Sim1", "Sim2").build())) {
            client.send(limitOrder("L-2", "BUY", 1, 4400).set("TradeAccount", "Bogus"));
            assertThat(client.receive("ORDER_UPDATE").enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");
            client.send(limitOrder("L-3", "BUY", 1, 4400).set("TradeAccount", ""));
            assertThat(client.receive("ORDER_UPDATE").enumName("OrderUpdateReason")).isEqualTo("NEW_ORDER_REJECTED");

            assertThat(accounts(client, 2)).as("Old traded in an earlier run; Bogus and \"\" only named")
                    .containsExactly("Sim1", "Sim2");
            assertThat(simulator.exchange().tradeAccounts()).containsExactly("Sim1", "Sim2");
        }
    }

    @Test
    void shouldRefuseAConfigurationWithoutAccountsOrWithAnEmptyName() {
        assertThatThrownBy(() -> SimulatorConfig.builder().tradeAccounts(new String[0]).build()).hasMessageContaining("one or more");
        assertThatThrownBy(() -> SimulatorConfig.builder().tradeAccounts("Sim1", "").build()).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> SimulatorConfig.builder().tradeAccounts("Sim1", "Sim1").build()).hasMessageContaining("different");
    }

    /** TRADE_ACCOUNTS_REQUEST's answer: {@code n} TRADE_ACCOUNT_RESPONSEs, numbered, the RequestID echoed. */
    private static List<String> accounts(WireClient client, int n) {
        client.send(DtcMessage.of("TRADE_ACCOUNTS_REQUEST").set("RequestID", 40));
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            DtcMessage m = client.receive("TRADE_ACCOUNT_RESPONSE");
            assertThat(m.getInt("RequestID")).isEqualTo(40);
            assertThat(m.getInt("TotalNumberMessages")).as("the whole list").isEqualTo(n);
            assertThat(m.getInt("MessageNumber")).isEqualTo(i);
            names.add(m.getString("TradeAccount"));
        }
        return names;
    }
}

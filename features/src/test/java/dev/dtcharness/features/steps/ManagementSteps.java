package dev.dtcharness.features.steps;

import static dev.dtcharness.features.assertions.DtcAssertions.assertThat;
import static dev.dtcharness.features.assertions.DtcAssertions.within;

import dev.dtcharness.client.Order;
import dev.dtcharness.client.Side;
import dev.dtcharness.client.store.TradeLog;
import dev.dtcharness.features.support.Trader;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a trading UI shows from the client's records: working orders, history, trade log, analytics. */
public class ManagementSteps {
    private final Trader trader;

    public ManagementSteps(Trader trader) {
        this.trader = trader;
    }

    @Then("the client shows {int} working order(s), a {side} {int} {word} at {double}")
    public void theClientShowsWorkingOrders(int count, Side side, int quantity, String symbol, double price) {
        List<Order> working = trader.workingOrders();
        assertThat(working).hasSize(count);
        assertThat(working.get(0)).hasSide(side).hasQuantity(quantity).hasSymbol(symbol).hasLimitPrice(price).isOpen();
    }

    @Then("the order history lists {int} orders, {int} of them FILLED")
    public void theOrderHistoryLists(int orders, int filled) {
        List<Order> history = trader.orderHistory();
        assertThat(history).hasSize(orders);
        assertThat(history).filteredOn(Order::isFilled).hasSize(filled);
    }

    @Then("the exported trade log has {int} fills: {side} {int} {word} at {double} and {side} {int} {word} at {double}")
    public void theExportedTradeLogHas(int fills, Side side1, int quantity1, String symbol1, double price1,
                                       Side side2, int quantity2, String symbol2, double price2) throws IOException {
        Path csv = trader.recordsDir().resolve("trades.csv");
        assertThat(trader.exportTradeLog(csv)).isEqualTo(fills);
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(fills + 1);
        assertThat(rows.get(0)).as("header").contains("symbol").contains("price");
        assertRow(rows.get(1), side1, quantity1, symbol1, price1);
        assertRow(rows.get(2), side2, quantity2, symbol2, price2);
    }

    @Then("the {word} analytics show {int} orders, {int} fills, volume {int}, VWAP {double} and realised P&L {double}")
    public void theAnalyticsShow(String symbol, int orders, int fills, int volume, double vwap, double pnl) {
        TradeLog.Summary s = trader.analytics(symbol);
        assertThat(s.orders()).isEqualTo(orders);
        assertThat(s.fills()).isEqualTo(fills);
        assertThat(s.volume()).isEqualTo(volume);
        assertThat(s.vwap()).isCloseTo(vwap, within(1e-9));
        assertThat(s.realisedPnl()).isCloseTo(pnl, within(1e-9));
    }

    /** executionId, time, account, symbol, side, quantity, price, ... (TradeLog's header). */
    private static void assertRow(String row, Side side, int quantity, String symbol, double price) {
        String[] c = row.split(",");
        assertThat(c[3]).isEqualTo(symbol);
        assertThat(c[4]).isEqualTo(side.name());
        assertThat(Double.parseDouble(c[5])).isEqualTo(quantity);
        assertThat(Double.parseDouble(c[6])).isEqualTo(price);
    }
}

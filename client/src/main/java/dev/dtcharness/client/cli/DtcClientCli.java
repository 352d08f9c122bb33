package dev.dtcharness.client.cli;

import dev.dtcharness.client.ActionResult;
import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderChange;
import dev.dtcharness.client.OrderHandle;
import dev.dtcharness.client.OrderRequest;
import dev.dtcharness.client.Side;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.client.store.OrderHistoryDb;
import dev.dtcharness.client.store.TradeLog;
import dev.dtcharness.protocol.DtcMessage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The client from a shell: connect, place, cancel, modify, and read the order history. */
@Command(name = "dtc-client", mixinStandardHelpOptions = true, version = "dtc-client 0.1.0",
        description = "A DTC v8 client: trade against Sierra Chart or the DTC Harness simulator.",
        subcommands = {DtcClientCli.Connect.class, DtcClientCli.Place.class, DtcClientCli.Cancel.class,
            DtcClientCli.Modify.class, DtcClientCli.Orders.class, DtcClientCli.Export.class, DtcClientCli.Summary.class})
public final class DtcClientCli implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DtcClientCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "connect", description = "Connect, log on, print the server's LOGON_RESPONSE and log off.")
    static final class Connect implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (DtcClient client = new DtcClient(connection.config())) {
                DtcMessage logon = client.connect();
                spec.commandLine().getOut().printf("logged on to %s (%s) trading %s%n", client.address(),
                        logon.getString("ServerName"), logon.getLong("TradingIsSupported") != 0 ? "supported" : "not supported");
            }
            return 0;
        }
    }

    @Command(name = "place", description = "Submit one order (208) and wait for its first answer, or a status.")
    static final class Place implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Option(names = "--symbol", required = true)
        String symbol;
        @Option(names = "--side", required = true, description = "BUY or SELL")
        Side side;
        @Option(names = "--qty", required = true)
        double quantity;
        @Option(names = "--price", description = "limit price; market order when left out")
        Double price;
        @Option(names = "--wait-for", description = "OrderStatus to wait for, e.g. FILLED (default: first answer)")
        String waitFor;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (DtcClient client = new DtcClient(connection.config())) {
                client.connect();
                OrderRequest request = price == null ? OrderRequest.market(symbol, side, quantity)
                        : OrderRequest.limit(symbol, side, quantity, price);
                OrderHandle order = client.submit(request);
                Order answered = waitFor != null ? order.awaitStatus(waitFor, connection.timeout)
                        : firstAnswer(order, connection.timeout.toMillis());
                spec.commandLine().getOut().println(answered.describe());
                return answered.status() == OrderStatus.REJECTED.value() ? 2 : 0;
            }
        }

        private static Order firstAnswer(OrderHandle order, long millis) {
            long deadline = System.currentTimeMillis() + millis;
            // awaitStatus waits for one status; the first answer can be any, so poll the snapshot instead.
            while (order.current().updateCount() == 0 && System.currentTimeMillis() < deadline) {
                try {
                    order.terminal().get(20, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // not ended yet: look again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    break;
                }
            }
            return order.current();
        }
    }

    /** Which existing order a cancel or modify is about, and how to find it when the database does not hold it. */
    static final class ExistingOrder {
        @Option(names = "--client-order-id", required = true)
        String clientOrderId;
        @Option(names = "--server-order-id", description = "needed when --db does not hold the order")
        String serverOrderId;

        void ensureKnownTo(DtcClient client) {
            Known.ensure(client, clientOrderId, serverOrderId);
        }
    }

    @Command(name = "cancel", description = "Cancel an order (203) by ClientOrderID and wait for the answer.")
    static final class Cancel implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Mixin
        ExistingOrder order;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (DtcClient client = new DtcClient(connection.config())) {
                client.connect();
                order.ensureKnownTo(client);
                return report(spec.commandLine().getOut(), client.cancel(order.clientOrderId).await(connection.timeout));
            }
        }
    }

    @Command(name = "modify", description = "Cancel-replace an order (204): new price and/or total quantity.")
    static final class Modify implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Mixin
        ExistingOrder order;
        @Option(names = "--price")
        Double price;
        @Option(names = "--qty", description = "new total quantity, filled part included")
        Double quantity;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (price == null && quantity == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "modify needs --price or --qty");
            }
            OrderChange change = new OrderChange(price == null ? Double.NaN : price, Double.NaN,
                    quantity == null ? 0 : quantity, null);
            try (DtcClient client = new DtcClient(connection.config())) {
                client.connect();
                order.ensureKnownTo(client);
                return report(spec.commandLine().getOut(), client.replace(order.clientOrderId, change).await(connection.timeout));
            }
        }
    }

    @Command(name = "orders", description = "List orders from the order-history database (no connection).")
    static final class Orders implements Callable<Integer> {
        @Option(names = "--db", required = true)
        Path db;
        @Option(names = "--open", description = "only orders that have not ended")
        boolean openOnly;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (OrderHistoryDb history = new OrderHistoryDb(db)) {
                PrintWriter out = spec.commandLine().getOut();
                for (Order o : history.orders()) {
                    if (!openOnly || !o.isTerminal()) {
                        out.printf("%s %s %s %s %s%n", o.describe(), o.tradeAccount(), o.symbol(),
                                o.side() == null ? "-" : o.side(), Double.isNaN(o.price1()) ? "MKT" : o.price1());
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "export", description = "Write the trade log (every fill once) as CSV.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--db", required = true)
        Path db;
        @Option(names = "--out", required = true)
        Path out;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (OrderHistoryDb history = new OrderHistoryDb(db)) {
                spec.commandLine().getOut().printf("%d fill(s) written to %s%n", TradeLog.exportCsv(history, out), out);
            }
            return 0;
        }
    }

    @Command(name = "summary", description = "Orders, fills, volume, VWAP and realised P&L per account and symbol.")
    static final class Summary implements Callable<Integer> {
        @Option(names = "--db", required = true)
        Path db;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (OrderHistoryDb history = new OrderHistoryDb(db)) {
                PrintWriter out = spec.commandLine().getOut();
                out.println("account,symbol,orders,fills,volume,vwap,open_quantity,realised_pnl");
                for (TradeLog.Summary s : TradeLog.summarise(history)) {
                    out.printf("%s,%s,%d,%d,%s,%s,%s,%s%n", s.tradeAccount(), s.symbol(), s.orders(), s.fills(), s.volume(),
                            s.vwap(), s.openQuantity(), s.realisedPnl());
                }
            }
            return 0;
        }
    }

    private static int report(PrintWriter out, ActionResult result) {
        out.printf("%s: %s%s%n", result.accepted() ? "accepted" : "rejected", result.order().describe(),
                result.text().isEmpty() ? "" : " (" + result.text() + ")");
        return result.accepted() ? 0 : 2;
    }
}

package dev.dtcharness.features.reliability;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.Fill;
import dev.dtcharness.client.Order;
import dev.dtcharness.client.OrderHandle;
import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.exchange.OrderView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chaos invariant: every order, fill and position the client holds equals the simulator's,
 * field for field. Returns the differences in words, empty when there are none.
 */
final class ChaosComparison {
    /** InfoTexts of orders the simulator never received: the client says so, in these words. */
    static final List<String> NEVER_RECEIVED = List.of("not received by the server before the connection dropped",
            "not sent by the client");
    private static final double EPSILON = 1e-9;

    private ChaosComparison() {
    }

    static List<String> differences(DtcClient client, DtcSimulator simulator, List<OrderHandle> placed,
                                    String account, String symbol) {
        List<String> out = new ArrayList<>();
        Map<String, OrderView> truth = simulator.exchange().orders().stream()
                .collect(Collectors.toMap(OrderView::clientOrderId, Function.identity()));
        Map<String, List<dev.dtcharness.simulator.exchange.Fill>> truthFills = simulator.exchange().fills().stream()
                .collect(Collectors.groupingBy(dev.dtcharness.simulator.exchange.Fill::serverOrderId));
        Map<String, Fill> clientFills = new HashMap<>();
        for (OrderHandle handle : placed) {
            Order o = handle.current();
            handle.fills().forEach(f -> clientFills.put(f.executionId(), f));
            OrderView sim = truth.remove(o.clientOrderId());
            if (sim == null) {
                if (!o.statusName().equals("ORDER_STATUS_REJECTED") || NEVER_RECEIVED.stream().noneMatch(o.infoText()::startsWith)
                        || !handle.fills().isEmpty()) {
                    out.add(o.clientOrderId() + ": the simulator never had it, but the client says " + o.describe());
                }
                continue;
            }
            same(out, o, "status", sim.status(), o.statusName());
            same(out, o, "ServerOrderID", sim.serverOrderId(), o.serverOrderId());
            if (Math.abs(sim.filledQuantity() - o.filledQuantity()) > EPSILON) {
                out.add(o.clientOrderId() + ": FilledQuantity " + o.filledQuantity() + ", simulator " + sim.filledQuantity());
            }
            if (sim.filledQuantity() > 0 && !(Math.abs(sim.averageFillPrice() - o.averageFillPrice()) <= EPSILON)) {
                out.add(o.clientOrderId() + ": AverageFillPrice " + o.averageFillPrice() + ", simulator " + sim.averageFillPrice());
            }
            Set<String> expected = new TreeSet<>(truthFills.getOrDefault(sim.serverOrderId(), List.of()).stream()
                    .map(f -> f.executionId() + " " + f.quantity() + "@" + f.price()).toList());
            Set<String> actual = new TreeSet<>(handle.fills().stream()
                    .map(f -> f.executionId() + " " + f.quantity() + "@" + f.price()).toList());
            if (!expected.equals(actual)) {
                out.add(o.clientOrderId() + ": fills " + actual + ", simulator " + expected);
            }
        }
        truth.values().forEach(sim -> out.add(sim.clientOrderId() + "/" + sim.serverOrderId() + ": in the simulator ("
                + sim.status() + "), unknown to the client"));
        List<dev.dtcharness.simulator.exchange.Fill> allFills = simulator.exchange().fills();
        for (dev.dtcharness.simulator.exchange.Fill f : allFills) {
            Fill c = clientFills.get(f.executionId());
            if (c == null || c.quantity() != f.quantity() || c.price() != f.price() || !c.serverOrderId().equals(f.serverOrderId())) {
                out.add("fill " + f.executionId() + " of " + f.serverOrderId() + " " + f.quantity() + "@" + f.price()
                        + ": the client has " + c);
            }
        }
        if (client.orderBook().ledger().size() != allFills.size()) {
            out.add("fills counted " + client.orderBook().ledger().size() + ", simulator " + allFills.size());
        }
        double position = client.positions().position(account, symbol).quantity();
        double truePosition = simulator.exchange().position(account, symbol).quantity();
        if (position != truePosition) {
            out.add("position " + position + ", simulator " + truePosition);
        }
        return out;
    }

    private static void same(List<String> out, Order o, String field, String expected, String actual) {
        if (!expected.equals(actual)) {
            out.add(o.clientOrderId() + ": " + field + " " + actual + ", simulator " + expected);
        }
    }
}

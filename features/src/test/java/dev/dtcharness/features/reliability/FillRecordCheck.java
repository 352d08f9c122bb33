package dev.dtcharness.features.reliability;

import dev.dtcharness.client.Order;
import dev.dtcharness.client.store.OrderHistoryDb;
import dev.dtcharness.client.store.StateFile;
import dev.dtcharness.client.track.Position;
import dev.dtcharness.simulator.exchange.Fill;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The client's record on disk (history database, state file) against the exchange's fills: every
 * fill there exactly once and equal field for field, the filled quantity of each order the client
 * knows by ServerOrderID and the position equal to what the fills add up to. {@code doubled}
 * counts fills recorded twice and orders whose FilledQuantity counts more than their fills.
 */
record FillRecordCheck(int fillsChecked, int lost, int doubled, List<String> problems) {

    static FillRecordCheck of(Path db, Path stateFile, List<Fill> exchangeFills, double exchangePosition) {
        List<String> problems = new ArrayList<>();
        List<dev.dtcharness.client.Fill> recorded;
        List<Order> orders;
        try (OrderHistoryDb history = new OrderHistoryDb(db)) {
            recorded = history.fills();
            orders = history.orders();
        }
        Map<String, dev.dtcharness.client.Fill> byId = new LinkedHashMap<>();
        int doubled = 0;
        for (dev.dtcharness.client.Fill f : recorded) {
            if (byId.put(f.executionId(), f) != null) {
                doubled++;
                problems.add("recorded twice: " + f);
            }
        }
        int lost = 0;
        Map<String, Double> filledByOrder = new HashMap<>();
        for (Fill e : exchangeFills) {
            filledByOrder.merge(e.serverOrderId(), e.quantity(), Double::sum);
            dev.dtcharness.client.Fill c = byId.remove(e.executionId());
            if (c == null) {
                lost++;
                problems.add("lost: " + e);
            } else if (!same(c, e)) {
                problems.add("differs: exchange " + e + " / client " + c);
            }
        }
        byId.values().forEach(f -> problems.add("the exchange never made: " + f));
        for (Order o : orders) {
            double fills = filledByOrder.getOrDefault(o.serverOrderId(), 0.0);
            if (!o.serverOrderId().isEmpty() && o.filledQuantity() > fills) {
                doubled++;
            }
            if (!o.serverOrderId().isEmpty() && o.filledQuantity() != fills) {
                problems.add("order " + o.clientOrderId() + "/" + o.serverOrderId() + " has FilledQuantity "
                        + o.filledQuantity() + ", its fills add up to " + filledByOrder.getOrDefault(o.serverOrderId(), 0.0));
            }
        }
        double position = statePosition(stateFile);
        if (position != exchangePosition) {
            problems.add("state file position " + position + ", the exchange's " + exchangePosition);
        }
        return new FillRecordCheck(exchangeFills.size(), lost, doubled, problems);
    }

    private static boolean same(dev.dtcharness.client.Fill c, Fill e) {
        return c.serverOrderId().equals(e.serverOrderId()) && c.symbol().equals(e.symbol())
                && c.tradeAccount().equals(e.tradeAccount()) && c.side().name().equals(e.side())
                && c.quantity() == e.quantity() && c.price() == e.price()
                // HISTORICAL_ORDER_FILL_RESPONSE.DateTime is whole seconds; ORDER_UPDATE's LastFillDateTime milliseconds.
                && c.dateTimeMillis() / 1000 == e.epochMillis() / 1000;
    }

    private static double statePosition(Path stateFile) {
        if (!Files.exists(stateFile)) {
            return 0;
        }
        return new StateFile(stateFile).read().positions().stream()
                .filter(p -> Objects.equals(p.symbol(), "ES") && Objects.equals(p.tradeAccount(), "Sim1"))
                .mapToDouble(Position::quantity).sum();
    }

    boolean clean() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        return fillsChecked + " fills checked, lost " + lost + ", doubled " + doubled
                + (problems.isEmpty() ? "" : ", " + problems.size() + " problems, first: " + problems.subList(0, Math.min(5, problems.size())));
    }
}

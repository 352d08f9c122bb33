package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.AcceptVariant;
import dev.dtcharness.simulator.SimulatorConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An exchange that accepts every valid order and fills it completely at once (FACTS.md 3.2
 * scenarios A, C and I), like Artio's example exchange. Shared by all sessions; thread-safe.
 */
public final class FillingExchange {
    private final SimulatorConfig config;
    private final Clock clock;
    private final AtomicLong serverOrderIds = new AtomicLong();
    private final AtomicLong executionIds = new AtomicLong();
    private final Set<String> usedClientOrderIds = ConcurrentHashMap.newKeySet();
    private final Positions positions = new Positions();

    public FillingExchange(SimulatorConfig config) {
        this(config, Clock.systemUTC());
    }

    public FillingExchange(SimulatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Everything the exchange answers a SUBMIT_NEW_SINGLE_ORDER with, in sending order: the
     * acknowledgement(s), the fill and the POSITION_UPDATE; or a single NEW_ORDER_REJECTED.
     */
    public List<DtcMessage> submit(DtcMessage request) {
        long now = clock.millis();
        String problem = OrderCheck.problem(request);
        String clientOrderId = request.getString("ClientOrderID");
        // Ids are unique per trading session, not per connection (FACTS.md 3.1), so the set spans sessions.
        if (problem == null && !usedClientOrderIds.add(clientOrderId)) {
            problem = "ClientOrderID " + clientOrderId + " was already used (expected: a new id for each order)";
        }
        if (problem != null) {
            return List.of(reject(request, problem));
        }
        WorkingOrder order = new WorkingOrder(request, "S" + serverOrderIds.incrementAndGet(), now, fillPrice(request));
        List<DtcMessage> out = new ArrayList<>(4);
        if (config.acceptVariant() == AcceptVariant.PENDING_OPEN_THEN_OPEN) {
            out.add(OrderUpdates.update(order, "ORDER_STATUS_PENDING_OPEN", "NEW_ORDER_ACCEPTED", 0, now));
            out.add(OrderUpdates.update(order, "ORDER_STATUS_OPEN", "GENERAL_ORDER_UPDATE", 0, clock.millis()));
        } else {
            out.add(OrderUpdates.update(order, "ORDER_STATUS_OPEN", "NEW_ORDER_ACCEPTED", 0, now));
        }
        out.add(OrderUpdates.filled(order, "E" + executionIds.incrementAndGet(), clock.millis()));
        double signed = order.isBuy() ? order.quantity() : -order.quantity();
        Position after = positions.fill(request.getString("TradeAccount"), request.getString("Symbol"), signed,
                order.fillPrice());
        out.add(PositionUpdates.unsolicited(request, after));
        return out;
    }

    /** A NEW_ORDER_REJECTED for {@code request} (possibly a partly decoded one) with {@code reason} as InfoText. */
    public DtcMessage reject(DtcMessage request, String reason) {
        return OrderUpdates.rejected(request, reason, clock.millis());
    }

    public Positions positions() {
        return positions;
    }

    private double fillPrice(DtcMessage request) {
        return request.enumName("OrderType").equals("ORDER_TYPE_MARKET")
                ? config.marketPrice(request.getString("Symbol"))
                : request.getDouble("Price1");
    }
}

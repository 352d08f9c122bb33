package dev.dtcharness.soak.stream;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.OrderHandle;
import dev.dtcharness.client.OrderRequest;
import dev.dtcharness.client.Side;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Limit orders the simulator fills at once: random side, 1 to 5 lots, a price near 4500 on a
 * 0.25 tick. The only outcome today's {@code FillingExchange} produces.
 *
 * <p>Pending: REJECT (needs a simulator rule such as {@code Sim.onOrder().withSymbol("REJ").willReject(..)}
 * — an invalid order cannot be sent, the client refuses it locally), CANCEL (needs
 * {@code DtcClient.cancel(OrderHandle)} and a resting-order scenario), PARTIAL_THEN_FILL (needs a
 * simulator partial-fill scenario).
 */
public final class FillingPlacer implements OrderPlacer {
    private final String symbol;

    public FillingPlacer(String symbol) {
        this.symbol = symbol;
    }

    @Override
    public Set<Outcome> supported() {
        return Set.of(Outcome.FILL);
    }

    @Override
    public OrderHandle place(DtcClient client, Outcome outcome, String clientOrderId, SplittableRandom random) {
        if (outcome != Outcome.FILL) {
            throw new IllegalArgumentException(outcome + " is not supported by " + getClass().getSimpleName());
        }
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        double price = 4500.0 + random.nextInt(-40, 41) * 0.25;
        return client.submit(OrderRequest.limit(symbol, side, 1 + random.nextInt(5), price).withClientOrderId(clientOrderId));
    }
}

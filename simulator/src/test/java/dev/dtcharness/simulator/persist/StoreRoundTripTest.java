package dev.dtcharness.simulator.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.WireKind;
import dev.dtcharness.simulator.exchange.Fill;
import dev.dtcharness.simulator.exchange.Position;
import dev.dtcharness.simulator.exchange.StoreEvents;
import dev.dtcharness.simulator.exchange.StoredOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file's writer and reader agree on every value the exchange can hold: what replay
 * tells back is, record for record, what was written, for the numbers a hostile client can make
 * the exchange hold (non-finite, huge, the C types' limits) and text JSON must escape.
 */
class StoreRoundTripTest {
    private static final double[] DOUBLES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e308,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 0.1};
    private static final String AWKWARD_TEXT = "a \"quote\", a\nnewline, a NUL \u0000, a lone \ud800 half, U+2028 \u2028, ünïcode";

    @TempDir
    Path dir;

    @Test
    void shouldTellBackExactlyWhatItWroteForExtremeValues() {
        List<Object> written = new ArrayList<>();
        try (JsonLinesExchangeStore store = new JsonLinesExchangeStore(dir)) {
            StoreEvents both = recorder(written);
            for (int i = 0; i < DOUBLES.length; i++) {
                double d = DOUBLES[i];
                boolean low = i % 2 == 0;
                StoredOrder order = order("S" + i, d, low);
                Fill fill = new Fill("E" + i, "S" + i, AWKWARD_TEXT, "SIM1", "ES" + AWKWARD_TEXT, AWKWARD_TEXT,
                        low ? "BUY" : "SELL", d, d, low ? Long.MIN_VALUE : Long.MAX_VALUE, d);
                // A snapshot's fill has an execution id no live fill repeats.
                Fill kept = new Fill("K" + i, fill.serverOrderId(), fill.clientOrderId(), fill.tradeAccount(), fill.symbol(),
                        fill.exchange(), fill.side(), fill.quantity(), fill.price(), fill.epochMillis(), fill.positionAfter());
                for (StoreEvents out : List.of(store, both)) {
                    out.clientOrderIdUsed(AWKWARD_TEXT + i);
                    out.orderChanged(order);
                    out.filled(fill, order);
                    out.fillKept(kept);
                    out.accountState("SIM1" + AWKWARD_TEXT, d, Map.of("ES", new Position(d, d)));
                }
            }
            store.reset(Long.MAX_VALUE, Long.MIN_VALUE);
            written.add(List.of("reset", Long.MAX_VALUE, Long.MIN_VALUE));
        }

        List<Object> replayed = new ArrayList<>();
        try (JsonLinesExchangeStore store = new JsonLinesExchangeStore(dir)) {
            store.replay(recorder(replayed));
        }
        assertThat(replayed).hasSameSizeAs(written);
        for (int i = 0; i < written.size(); i++) {
            assertThat(replayed.get(i)).as("event %d", i).isEqualTo(written.get(i));
        }
    }

    /**
     * An order whose request sets every field of SUBMIT_NEW_SINGLE_ORDER, from the spec: text fields
     * awkward text, floating-point fields {@code d}, integer fields the low or high end of their C type.
     */
    private static StoredOrder order(String serverOrderId, double d, boolean low) {
        DtcMessage request = DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER");
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FieldSpec f : request.spec().fields()) {
            WireKind kind = f.kind();
            Object value = kind == WireKind.STRING ? AWKWARD_TEXT : kind.isFloatingPoint() ? (Object) d
                    : (Object) (low ? kind.min() : kind.max());
            fields.put(f.name(), value);
        }
        return new StoredOrder(request.spec().name(), fields, serverOrderId, "", AWKWARD_TEXT, low ? Long.MIN_VALUE : 1,
                d, d, d, low ? Long.MIN_VALUE : Long.MAX_VALUE, d, d, "ORDER_STATUS_OPEN", low ? Long.MIN_VALUE : Long.MAX_VALUE);
    }

    /** Keeps each event as a value that equals another only when every part does (NaN equals NaN, -0.0 not 0.0). */
    private static StoreEvents recorder(List<Object> events) {
        return new StoreEvents() {
            @Override
            public void clientOrderIdUsed(String clientOrderId) {
                events.add(List.of("clientOrderId", clientOrderId));
            }

            @Override
            public void orderChanged(StoredOrder order) {
                events.add(List.of("order", order));
            }

            @Override
            public void filled(Fill fill, StoredOrder order) {
                events.add(List.of("fill", fill, order));
            }

            @Override
            public void reset(long serverOrderIds, long executionIds) {
                events.add(List.of("reset", serverOrderIds, executionIds));
            }

            @Override
            public void fillKept(Fill fill) {
                events.add(List.of("fillKept", fill));
            }

            @Override
            public void accountState(String account, double realisedPnl, Map<String, Position> positions) {
                events.add(List.of("account", account, realisedPnl, positions));
            }
        };
    }
}

package dev.dtcharness.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.enums.BuySell;
import dev.dtcharness.protocol.enums.OrderType;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderIndexTest {
    private final OrderIndex index = new OrderIndex();
    private final Map<String, Order> reference = new HashMap<>();

    /**
     * Random puts and removals, ids with colliding hashes among them, against a HashMap: the same answers.
     * As in the order table, an order is known under one id at a time.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void shouldAnswerAsAHashMapDoes(long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add("S" + i);
        }
        // "Aa" and "BB" have the same hashCode, and so does every string made of them alike.
        for (String a : new String[] {"Aa", "BB"}) {
            for (String b : new String[] {"Aa", "BB"}) {
                for (String c : new String[] {"Aa", "BB"}) {
                    ids.add(a + b + c);
                }
            }
        }
        for (int step = 0; step < 200_000; step++) {
            String id = ids.get(random.nextInt(ids.size()));
            Order o = order(id);
            switch (random.nextInt(4)) {
                case 0, 1 -> assertThat(index.put(id, o)).as("put %s", id).isSameAs(reference.put(id, o));
                case 2 -> {
                    Order known = reference.get(id);
                    Order target = known != null && random.nextBoolean() ? known : o;
                    if (random.nextBoolean()) {
                        index.remove(id, target);
                    } else {
                        index.removeByHash(OrderIndex.hash(id), target);
                    }
                    reference.remove(id, target);
                }
                default -> assertThat(index.get(id)).as("get %s", id).isSameAs(reference.get(id));
            }
        }
        for (String id : ids) {
            assertThat(index.get(id)).as("at the end, %s", id).isSameAs(reference.get(id));
        }
        index.clear();
        assertThat(ids).allSatisfy(id -> assertThat(index.get(id)).isNull());
    }

    private static Order order(String serverOrderId) {
        SubmitNewSingleOrder request = new SubmitNewSingleOrder().setClientOrderID("C-" + serverOrderId)
                .setSymbol("ES").setBuySell(BuySell.BUY).setOrderType(OrderType.LIMIT)
                .setPrice1(10.0).setQuantity(1.0);
        return new Order(request, serverOrderId, 1, 0, 10);
    }
}

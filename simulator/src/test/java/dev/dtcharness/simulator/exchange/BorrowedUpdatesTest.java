package dev.dtcharness.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.protocol.enums.BuySell;
import dev.dtcharness.protocol.enums.OrderStatus;
import dev.dtcharness.protocol.enums.OrderType;
import dev.dtcharness.protocol.enums.TimeInForce;
import dev.dtcharness.protocol.message.OrderUpdate;
import dev.dtcharness.protocol.message.OrderUpdateView;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
import dev.dtcharness.simulator.AcceptVariant;
import dev.dtcharness.simulator.SimulatorConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the exchange lends a session is a view of one message it writes again for every update (no
 * message made per update), and a session that does not read it at once keeps a copy, never the lent one.
 */
class BorrowedUpdatesTest {

    @Test
    void shouldWriteEveryOrderUpdateIntoOneReusedMessageLentAsAView() {
        List<MessageView> lent = new ArrayList<>();
        List<OrderStatus> statuses = new ArrayList<>();
        SessionLink reader = new QuietSession() {
            @Override
            public void sendBorrowed(MessageView m) {
                // Read during the call, as a session's encoder does.
                if (m instanceof OrderUpdateView u) {
                    lent.add(m);
                    statuses.add(u.orderStatus());
                }
            }
        };
        try (OrderEngine engine = engine()) {
            engine.attach(reader);
            engine.handle(reader, marketOrder("B-1"));
            engine.handle(reader, marketOrder("B-2"));
            engine.call(() -> null);
        }
        assertThat(statuses).containsExactly(OrderStatus.PENDING_OPEN, OrderStatus.OPEN, OrderStatus.FILLED,
                OrderStatus.PENDING_OPEN, OrderStatus.OPEN, OrderStatus.FILLED);
        Set<MessageView> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(lent);
        assertThat(distinct).as("ORDER_UPDATE messages the exchange made for six updates").hasSize(1);
    }

    @Test
    void shouldHandALinkThatOnlyKeepsMessagesACopyOfWhatIsLent() {
        List<DtcMessage> kept = new ArrayList<>();
        SessionLink keeper = new QuietSession() {
            @Override
            public void send(DtcMessage m) {
                kept.add(m);
            }
        };
        OrderUpdate lent = new OrderUpdate().setServerOrderID("S1").setOrderStatus(OrderStatus.OPEN);

        keeper.sendBorrowed(lent);
        lent.clear().setServerOrderID("S2").setOrderStatus(OrderStatus.FILLED);

        assertThat(kept).hasSize(1);
        assertThat(kept.get(0)).isNotSameAs(lent);
        OrderUpdate copy = (OrderUpdate) kept.get(0);
        assertThat(copy.serverOrderID()).isEqualTo("S1");
        assertThat(copy.orderStatus()).isEqualTo(OrderStatus.OPEN);
    }

    private static OrderEngine engine() {
        return new OrderEngine(SimulatorConfig.builder().acceptVariant(AcceptVariant.PENDING_OPEN_THEN_OPEN).build(),
                Clock.systemUTC(), ExchangeStore.NONE);
    }

    private static SubmitNewSingleOrder marketOrder(String clientOrderId) {
        return new SubmitNewSingleOrder().setSymbol("ES").setTradeAccount("Sim1").setClientOrderID(clientOrderId)
                .setOrderType(OrderType.MARKET).setBuySell(BuySell.BUY).setQuantity(1).setTimeInForce(TimeInForce.DAY);
    }
}

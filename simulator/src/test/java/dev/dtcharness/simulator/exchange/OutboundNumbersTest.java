package dev.dtcharness.simulator.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.dtcharness.protocol.DtcMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The last guard of the exchange's send path: a message carrying NaN or an infinity is not sent,
 * and one ERROR names the session, the message and the field. Values are judged on the way in, so
 * no path reaches this today: the messages are made by hand, as a future path that forgot would.
 */
class OutboundNumbersTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(OutboundNumbers.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final SessionLink session = new QuietSession(7);

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void shouldStopABalanceOfMinusInfinityAndNameTheField() {
        DtcMessage balance = DtcMessage.of("ACCOUNT_BALANCE_UPDATE").set("TradeAccount", "Sim1")
                .set("CashBalance", Double.NEGATIVE_INFINITY).set("BalanceAvailableForNewPositions", 100_000.0);

        assertThat(OutboundNumbers.finite(balance, session)).isFalse();
        assertThat(logged.list).hasSize(1);
        ILoggingEvent line = logged.list.get(0);
        assertThat(line.getLevel()).isEqualTo(Level.ERROR);
        assertThat(line.getFormattedMessage()).startsWith("session 7: not sent: ACCOUNT_BALANCE_UPDATE")
                .contains("CashBalance = -Infinity");
    }

    @Test
    void shouldStopAFillAtNaNAndPassFiniteMessagesAndUnsetPricesSilently() {
        DtcMessage fill = DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", "S1").set("LastFillPrice", Double.NaN)
                .set("LastFillQuantity", 1.0);
        assertThat(OutboundNumbers.firstNonFinite(fill).name()).isEqualTo("LastFillPrice");

        DtcMessage position = DtcMessage.of("POSITION_UPDATE").set("Quantity", 0.0).set("AveragePrice", 4400.25);
        DtcMessage unsetPrices = DtcMessage.of("ORDER_UPDATE").set("Price1", Double.MAX_VALUE);
        assertThat(OutboundNumbers.finite(position, session)).isTrue();
        assertThat(OutboundNumbers.finite(unsetPrices, session)).as("DBL_MAX is the unset sentinel, finite").isTrue();
        assertThat(logged.list).isEmpty();
    }
}

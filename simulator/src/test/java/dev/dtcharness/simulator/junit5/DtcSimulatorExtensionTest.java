package dev.dtcharness.simulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.FillPolicy;
import dev.dtcharness.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** The extension run as JUnit runs it: one simulator per class, reset per test, journal printed on failure only. */
class DtcSimulatorExtensionTest {
    static final List<String> printed = new CopyOnWriteArrayList<>();

    @Test
    void shouldResetBetweenTestsAndPrintTheJournalOnlyForTheFailingOne() {
        printed.clear();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Example.class), selectClass(DeclarativeExample.class)).build(), summary);

        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(3);
        assertThat(summary.getSummary().getTestsFailedCount()).isEqualTo(1);
        assertThat(printed).hasSize(1);
        assertThat(printed.get(0)).contains("journal for thirdFails()").contains("SUBMIT_NEW_SINGLE_ORDER")
                .contains("ClientOrderID=THIRD");
    }

    /** Run only through the launcher above (surefire skips nested classes). */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Example {
        @RegisterExtension
        static DtcSimulatorExtension sim = DtcSimulatorExtension.newInstance()
                .options(SimulatorConfig.builder().fillPolicy(FillPolicy.REST_LIMIT_ORDERS).build())
                .printJournalTo(printed::add).build();

        @Test
        @Order(1)
        void firstLeavesARestingOrder() {
            placeOrder(sim.port(), "FIRST");
            assertThat(sim.simulator().exchange().workingOrders()).hasSize(1);
        }

        @Test
        @Order(2)
        void secondStartsClean() {
            assertThat(sim.simulator().exchange().workingOrders()).isEmpty();
            assertThat(sim.simulator().journal().entries()).isEmpty();
        }

        @Test
        @Order(3)
        void thirdFails() {
            placeOrder(sim.port(), "THIRD");
            assertThat(sim.simulator().exchange().workingOrders()).as("deliberately wrong").isEmpty();
        }
    }

    @DtcSimulatorTest
    static class DeclarativeExample {
        @Test
        void getsARunningSimulator(DtcSimulator simulator) {
            assertThat(simulator.port()).isPositive();
            assertThat(simulator.host()).isEqualTo("127.0.0.1");
        }
    }

    /** Logs on in binary and places one limit order, waiting until the exchange has it. */
    static void placeOrder(int port, String clientOrderId) {
        var format = dev.dtcharness.protocol.codec.WireFormats.of(DtcEncoding.BINARY_ENCODING);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            write(socket, format, DtcMessage.of("LOGON_REQUEST").set("HeartbeatIntervalInSeconds", 10));
            write(socket, format, DtcMessage.of("SUBMIT_NEW_SINGLE_ORDER").set("Symbol", "ES").set("TradeAccount", "Sim1")
                    .set("ClientOrderID", clientOrderId).setEnum("OrderType", "ORDER_TYPE_LIMIT").setEnum("BuySell", "BUY")
                    .set("Price1", 1.0).set("Quantity", 1).setEnum("TimeInForce", "TIF_DAY"));
            // LOGON_RESPONSE then the order's acknowledgements: reading a few bytes past the logon answer is enough.
            byte[] buffer = new byte[4096];
            int total = 0;
            while (total < 256 + 720) {
                int n = socket.getInputStream().read(buffer);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Socket socket, dev.dtcharness.protocol.codec.WireFormat format, DtcMessage m)
            throws IOException {
        io.netty.buffer.ByteBuf out = io.netty.buffer.Unpooled.buffer();
        try {
            format.writeFrame(m, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            socket.getOutputStream().write(bytes);
        } finally {
            out.release();
        }
    }
}

package dev.dtcharness.client;

import static dev.dtcharness.client.DtcClientTest.fill;
import static dev.dtcharness.client.DtcClientTest.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.client.cli.DtcClientCli;
import dev.dtcharness.protocol.DtcMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DtcClientCliTest {
    @TempDir
    Path dir;
    private FakeServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldPlaceListExportAndSummariseThroughTheHistoryDatabase() throws Exception {
        server = new FakeServer((m, peer) -> {
            if (m.is("SUBMIT_NEW_SINGLE_ORDER")) {
                peer.send(fill(update(m, "S1", "ORDER_STATUS_FILLED", "ORDER_FILLED", 2), 4500.25, "E1"));
            }
        });
        String db = dir.resolve("history.db").toString();

        int placed = run("place", "--port", "" + server.port(), "--db", db, "--symbol", "ES", "--side", "BUY", "--qty", "2",
                "--price", "4500.25", "--wait-for", "FILLED");

        assertThat(placed).as(err.toString()).isZero();
        assertThat(out.toString()).contains("FILLED (ORDER_FILLED), filled 2 of 2");
        assertThat(run("orders", "--db", db)).isZero();
        assertThat(out.toString()).contains("/S1 FILLED");
        Path csv = dir.resolve("trades.csv");
        assertThat(run("export", "--db", db, "--out", csv.toString())).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(2).last().asString().startsWith("E1,").contains(",Sim1,ES,BUY,2,4500.25,S1,");
        assertThat(run("summary", "--db", db)).isZero();
        assertThat(out.toString()).contains("Sim1,ES,1,1,2.0,4500.25,2.0,0.0");
    }

    @Test
    void shouldCancelByIdsAndExitNonZeroWhenRefused() {
        server = new FakeServer((m, peer) -> {
            if (m.is("CANCEL_ORDER")) {
                peer.send(DtcMessage.of("ORDER_UPDATE").set("ServerOrderID", m.getString("ServerOrderID"))
                        .set("ClientOrderID", m.getString("ClientOrderID")).setEnum("OrderStatus", "ORDER_STATUS_FILLED")
                        .setEnum("OrderUpdateReason", "ORDER_CANCEL_REJECTED").set("InfoText", "too late to cancel"));
            }
        });

        int code = run("cancel", "--port", "" + server.port(), "--client-order-id", "C9", "--server-order-id", "S9");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).contains("rejected").contains("too late to cancel");
        assertThat(server.received("CANCEL_ORDER")).singleElement()
                .satisfies(m -> assertThat(m.getString("ServerOrderID")).isEqualTo("S9"));
    }

    @Test
    void shouldSayWhatIsMissing() {
        int code = run("cancel", "--port", "1", "--client-order-id", "C9", "--timeout", "PT0.2S");

        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("cannot connect to 127.0.0.1:1");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        CommandLine cli = new CommandLine(new DtcClientCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}

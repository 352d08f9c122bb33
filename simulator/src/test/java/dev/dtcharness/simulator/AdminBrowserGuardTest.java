package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A web page must not drive the admin API: not by a cross-site request (Origin), not by a form
 * (Content-Type), not through DNS rebinding (Host). Scripts and curl, which send no Origin, still can.
 */
class AdminBrowserGuardTest {
    private static final String ELSEWHERE = "{\"symbol\":\"NQ\",\"side\":\"SELL\",\"quantity\":1,\"price\":15800}";

    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().adminPort(0)
            .fillPolicy(FillPolicy.REST_LIMIT_ORDERS).build());
    private final AdminHttp admin = new AdminHttp(simulator.adminPort());

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest(name = "Origin {0}")
    @ValueSource(strings = {"http://evil.example", "null", "https://127.0.0.1", "http://127.0.0.1:1",
            "http://localhost.evil.example"})
    void aForeignOriginCannotPlaceAnOrder(String origin) {
        String foreign = origin.equals("http://127.0.0.1:1") ? "http://127.0.0.1:" + (admin.port() == 1 ? 2 : 1) : origin;
        HttpResponse<String> placed = admin.send("POST", "/orders/elsewhere", ELSEWHERE,
                "Content-Type", "application/json", "Origin", foreign);

        assertThat(placed.statusCode()).isEqualTo(403);
        assertThat(placed.body()).contains("Origin '" + foreign + "' is not this admin API's own");
        assertThat(simulator.exchange().workingOrders()).as("no order placed").isEmpty();
    }

    @Test
    void aForeignOriginCannotReadEither() {
        HttpResponse<String> read = admin.send("GET", "/journal", null, "Origin", "http://evil.example");

        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(read.body()).contains("is not this admin API's own").doesNotContain("seq");
    }

    @Test
    void theAdminApisOwnOriginAndNoOriginAreServed() {
        String own = "http://127.0.0.1:" + admin.port();
        assertThat(admin.send("GET", "/orders", null, "Origin", own).statusCode()).isEqualTo(200);
        assertThat(admin.send("GET", "/orders", null, "Origin", "http://localhost:" + admin.port()).statusCode())
                .isEqualTo(200);
        assertThat(admin.send("POST", "/orders/elsewhere", ELSEWHERE, "Content-Type", "application/json",
                "Origin", own, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
        assertThat(admin.post("/orders/elsewhere", ELSEWHERE).statusCode()).as("curl: no Origin").isEqualTo(200);
        assertThat(simulator.exchange().workingOrders()).hasSize(2);
    }

    @Test
    void aCrossSiteFetchWithoutOriginIsRefusedByItsSecFetchSite() {
        // A simple GET (an <img>, a link) carries no Origin; modern browsers still say where it came from.
        HttpResponse<String> read = admin.send("GET", "/memory?gc=true", null, "Sec-Fetch-Site", "cross-site");

        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(read.body()).contains("Sec-Fetch-Site 'cross-site'");
    }

    @Test
    void aPreflightFromAForeignOriginGetsNoCorsAllowance() {
        HttpResponse<String> preflight = admin.send("OPTIONS", "/reset", null, "Origin", "http://evil.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));

        HttpResponse<String> own = admin.send("OPTIONS", "/reset", null, "Origin", "http://127.0.0.1:" + admin.port());
        assertThat(own.statusCode()).isEqualTo(204);
        assertThat(own.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
    }

    @ParameterizedTest(name = "Host {0}")
    @ValueSource(strings = {"evil.example", "evil.example:PORT", "0.0.0.0:PORT", "127.0.0.1.evil.example",
            "localhost.evil.example:PORT", "[::2]:PORT"})
    void aForeignHostIsRefusedAsDnsRebinding(String host) {
        String given = host.replace("PORT", Integer.toString(admin.port()));
        String response = admin.raw("POST /reset HTTP/1.1\r\nHost: " + given + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 421").contains("Host '" + given + "' is not this admin API");
    }

    @ParameterizedTest(name = "Host {0}")
    @ValueSource(strings = {"127.0.0.1:PORT", "127.0.0.1", "localhost:PORT", "LOCALHOST", "[::1]:PORT", "[::1]"})
    void aLoopbackHostIsServedWithOrWithoutThePort(String host) {
        String response = admin.getWithHost("/orders", host.replace("PORT", Integer.toString(admin.port())));

        assertThat(response).startsWith("HTTP/1.1 200");
    }

    @ParameterizedTest(name = "Content-Type {0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=iso-8859-1", "application/jsonx", "(none)"})
    void aStateChangeThatIsNotJsonIsRefused(String type) {
        HttpResponse<String> placed = type.equals("(none)") ? admin.send("POST", "/orders/elsewhere", ELSEWHERE)
                : admin.send("POST", "/orders/elsewhere", ELSEWHERE, "Content-Type", type);

        assertThat(placed.statusCode()).isEqualTo(415);
        assertThat(placed.body()).contains("application/json");
        assertThat(simulator.exchange().workingOrders()).as("no order placed").isEmpty();
    }

    @Test
    void aBodilessFormPostCannotResetEither() {
        simulator.exchange().placeElsewhere(simulator.exchange().tradeAccounts().get(0), "ES", "BUY", 1, 4500);

        HttpResponse<String> reset = admin.send("POST", "/reset", "", "Content-Type", "application/x-www-form-urlencoded");

        assertThat(reset.statusCode()).isEqualTo(415);
        assertThat(simulator.exchange().workingOrders()).as("nothing reset").hasSize(1);
        assertThat(admin.send("POST", "/reset", null, "Content-Type", "application/json; charset=UTF-8").statusCode())
                .isEqualTo(200);
        assertThat(simulator.exchange().workingOrders()).isEmpty();
    }

    @Test
    void beyondLoopbackTheAddressARequestArrivedOnIsAValidHost() throws Exception {
        InetAddress lan = siteAddress();
        assumeTrue(lan != null, "this machine has no non-loopback IPv4 address to call");
        try (DtcSimulator everywhere = DtcSimulator.start(SimulatorConfig.builder().host("0.0.0.0").dynamicPort()
                .adminPort(0).adminToken("lan-token").build())) {
            AdminHttp overLan = new AdminHttp(lan.getHostAddress(), everywhere.adminPort());
            String auth = "\r\nAuthorization: Bearer lan-token\r\nConnection: close\r\n\r\n";

            assertThat(overLan.raw("GET /orders HTTP/1.1\r\nHost: " + lan.getHostAddress() + ":" + everywhere.adminPort()
                    + auth)).startsWith("HTTP/1.1 200");
            assertThat(overLan.raw("GET /orders HTTP/1.1\r\nHost: evil.example:" + everywhere.adminPort() + auth))
                    .startsWith("HTTP/1.1 421");
            assertThat(overLan.raw("GET /orders HTTP/1.1\r\nHost: 0.0.0.0:" + everywhere.adminPort() + auth))
                    .startsWith("HTTP/1.1 421");
        }
    }

    private static InetAddress siteAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a;
                }
            }
        }
        return null;
    }
}

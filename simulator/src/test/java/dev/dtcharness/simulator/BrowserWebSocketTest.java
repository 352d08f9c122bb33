package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A journal page in a real browser (headless Chromium, Debian's package, driven through its own
 * chromedriver so nothing is downloaded) talks DTC JSON over WebSocket the way browser apps do: JSON
 * from the first byte, a logon with Hostname and TradeMode. A browser fails the connection on a text
 * frame that is not UTF-8 (close code 1006), so the page only trades if every frame is one JSON text.
 * Skipped where Chromium is not installed (.ci/run installs it).
 */
class BrowserWebSocketTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().build());
    private ChromeDriver browser;

    @TempDir
    Path dir;

    @BeforeEach
    void openBrowser() {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Debian's chromium and chromium-driver are not installed here (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        simulator.close();
    }

    @Test
    void aBrowserJournalPageLogsOnOrdersAndSeesItsFillOverWebSocketWithOnlyJsonTextFrames() throws Exception {
        Path page = dir.resolve("journal.html");
        Files.writeString(page, journalPage(simulator.port()));

        browser.get(page.toUri().toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.getTitle().equals("waiting"));
        @SuppressWarnings("unchecked")
        List<Object> received = (List<Object>) ((JavascriptExecutor) browser).executeScript("return window.received;");
        assertThat(browser.getTitle()).as("the page's end; frames received: %s", received).isEqualTo("FILLED");
        assertThat(received).as("every frame a text frame holding one JSON message")
                .noneMatch(type -> String.valueOf(type).startsWith("not JSON"))
                .contains(2L, 301L);
    }

    /** The page: a WebSocket, a logon, an order once logged on; its title says how it ended. */
    private static String journalPage(int port) {
        return """
                <!doctype html>
                <html><head><title>waiting</title></head><body><script>
                window.received = [];
                const ws = new WebSocket("ws://127.0.0.1:%d/");
                ws.onopen = () => ws.send(JSON.stringify({Type: 1, ProtocolVersion: 8, HeartbeatIntervalInSeconds: 10,
                    ClientName: "browser-journal", Hostname: "journal.local", TradeMode: 1}));
                ws.onmessage = (event) => {
                  if (typeof event.data !== "string") { window.received.push("not JSON: a binary frame"); return; }
                  let m;
                  try { m = JSON.parse(event.data.replace(/\\u0000+$/, "")); }
                  catch (e) { window.received.push("not JSON: " + event.data.slice(0, 40)); return; }
                  window.received.push(m.Type);
                  if (m.Type === 2 && m.Result === 1) {
                    ws.send(JSON.stringify({Type: 208, Symbol: "ES", TradeAccount: "Sim1", ClientOrderID: "web-1",
                        OrderType: 1, BuySell: 1, Quantity: 1, TimeInForce: 1}));
                  }
                  if (m.Type === 301 && m.OrderStatus === 7) { document.title = "FILLED"; }
                };
                ws.onclose = (event) => { if (document.title === "waiting") document.title = "CLOSED " + event.code; };
                </script></body></html>
                """.formatted(port);
    }
}

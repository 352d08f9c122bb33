package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The standalone jar as a team's CI starts it, driven by a Python client that knows nothing of
 * this code base: proof that the simulator serves non-Java clients over DTC's JSON encoding.
 */
class StandaloneJarIT {
    private static final Pattern READY = Pattern.compile("DTC simulator ready on 127\\.0\\.0\\.1:(\\d+)");
    private static final Path JAR = Path.of("target", "dtc-simulator.jar");
    private static final Path PYTHON_CLIENT = Path.of("src", "test", "python", "dtc_json_client.py");

    private static Process simulator;
    private static int port;
    private static final List<String> simulatorOutput = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheJar() throws Exception {
        assertThat(JAR).as("the shaded jar built by 'package'").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // partial-fills is a starter scenario shipped in the jar: ES orders fill in two parts.
        simulator = new ProcessBuilder(java, "-jar", JAR.toString(), "--host", "127.0.0.1", "--port", "0",
                "--scenario", "partial-fills", "--admin-port", "0")
                .redirectErrorStream(true).start();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(ready), "simulator-output");
        reader.setDaemon(true);
        reader.start();
        port = ready.get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopTheJar() throws InterruptedException {
        if (simulator != null) {
            simulator.destroy();
            assertThat(simulator.waitFor(10, TimeUnit.SECONDS)).as("the jar stops on SIGTERM").isTrue();
        }
    }

    @ParameterizedTest(name = "python client {0}")
    @ValueSource(strings = {"--negotiate", "--json-first"})
    void aPythonClientGetsItsOrderFilled(String mode) throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not installed here; the Python client check needs it");
        List<String> command = new java.util.ArrayList<>(List.of("python3", PYTHON_CLIENT.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port)));
        if (mode.equals("--json-first")) {
            command.add("--json-first");
        }
        Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).as("the Python client finishes").isTrue();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(client.exitValue()).as("exit status; output:%n%s%nsimulator:%n%s", output,
                String.join("\n", simulatorOutput)).isZero();
        assertThat(output).contains("\"OrderStatus\": 7").contains("FILLED ServerOrderID=S");
        assertThat(simulatorOutput).anyMatch(l -> l.contains("logon from client 'python-json-client'"));
    }

    @org.junit.jupiter.api.Test
    void theAdminApiAnswersOnThePortItPrinted() throws Exception {
        Pattern admin = Pattern.compile("admin API on http://127\\.0\\.0\\.1:(\\d+)/");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> simulatorOutput.stream().anyMatch(l -> admin.matcher(l).find()));
        String line = simulatorOutput.stream().filter(l -> admin.matcher(l).find()).findFirst().orElseThrow();
        Matcher m = admin.matcher(line);
        assertThat(m.find()).isTrue();
        var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var response = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + m.group(1) + "/scenario")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("partial-fills");
    }

    private static void readOutput(CompletableFuture<Integer> ready) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(simulator.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                simulatorOutput.add(line);
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    ready.complete(Integer.parseInt(m.group(1)));
                }
            }
            ready.completeExceptionally(new IllegalStateException("the jar exited before it was ready: "
                    + String.join("\n", simulatorOutput)));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    private static boolean pythonAvailable() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS)
                    && Files.exists(PYTHON_CLIENT);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}

package dev.dtcharness.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtcharness.simulator.SimulatorConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator as its users run it, the standalone main in a JVM of its own with a heap limit, so
 * the many-sessions test reads the simulator's heap and threads apart from its clients' (in one JVM
 * the clients' order books weigh in, and grow with the orders a run gets through).
 */
final class SimulatorProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("DTC simulator ready on (\\S+):(\\d+)");
    private static final Pattern ADMIN = Pattern.compile("admin API on http://(\\S+):(\\d+)/");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final int adminPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What the simulator's admin API says of its JVM after full collections. */
    record Memory(double heapUsedMb, double heapMaxMb, int threads, int sessions) {
    }

    private SimulatorProcess(Process process, int port, int adminPort) {
        this.process = process;
        this.port = port;
        this.adminPort = adminPort;
    }

    /** Starts it with {@code maxHeap} (a -Xmx value) and the settings of {@code like} that the jar takes as options. */
    static SimulatorProcess start(String maxHeap, SimulatorConfig like) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap,
                // The benchmark's quiet logging: the jar's own logs a line per order.
                "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"), "dev.dtcharness.simulator.standalone.SimulatorMain",
                "--host", "127.0.0.1", "--port", "0", "--admin-port", "0", "--accept", like.exchange().acceptVariant().name(),
                "--journal-size", Integer.toString(like.limits().journalCapacity()),
                "--finished-orders-kept", Integer.toString(like.limits().finishedOrdersKept()),
                "--fill-history", Integer.toString(like.limits().fillHistoryCapacity())));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(64);
        Thread reader = new Thread(() -> drain(p, lines), "simulator-process-stdout");
        reader.setDaemon(true);
        reader.start();
        int port = -1;
        int admin = -1;
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        List<String> seen = new ArrayList<>();
        while (port < 0 || admin < 0) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IOException("the simulator JVM " + (p.isAlive() ? "did not say it was ready within "
                            + START_TIMEOUT.toSeconds() + " s" : "exited with " + p.exitValue()) + "; it printed: " + seen
                            + "; command: " + String.join(" ", command));
                }
                continue;
            }
            seen.add(line);
            Matcher ready = READY.matcher(line);
            Matcher adminLine = ADMIN.matcher(line);
            if (ready.find()) {
                port = Integer.parseInt(ready.group(2));
            } else if (adminLine.find()) {
                admin = Integer.parseInt(adminLine.group(2));
            }
        }
        return new SimulatorProcess(p, port, admin);
    }

    /** Hands the first lines over, then keeps reading so a full pipe never stalls the simulator. */
    private static void drain(Process p, BlockingQueue<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.offer(line);
            }
        } catch (IOException e) {
            // The process ended; start() sees that through isAlive.
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Memory memoryAfterGc() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/memory?gc=true"))
                .timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /memory answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode m = JSON.readTree(response.body());
        return new Memory(m.get("heapUsedMb").asDouble(), m.get("heapMaxMb").asDouble(), m.get("threads").asInt(),
                m.get("sessions").asInt());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

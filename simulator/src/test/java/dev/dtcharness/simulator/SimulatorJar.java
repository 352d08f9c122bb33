package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shaded jar started as a separate process, the way a team's CI starts it; ready once it prints its port. */
final class SimulatorJar implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("DTC simulator ready on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern ADMIN = Pattern.compile("admin API on (http://127\\.0\\.0\\.1:\\d+)/");
    private static final Path JAR = Path.of("target", "dtc-simulator.jar");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final int port;

    SimulatorJar(String... options) throws Exception {
        this(List.of(), options);
    }

    /** The jar started by a shell that first lowers the open-file limit to {@code limit} (Linux, bash). */
    static SimulatorJar withOpenFileLimit(int limit, String... options) throws Exception {
        return new SimulatorJar(List.of("bash", "-c", "ulimit -n " + limit + " && exec \"$0\" \"$@\""), options);
    }

    private SimulatorJar(List<String> prefix, String... options) throws Exception {
        assertThat(JAR).as("the shaded jar built by 'package'").exists();
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--host", "127.0.0.1", "--port", "0"));
        command.addAll(List.of(options));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(ready), "simulator-output");
        reader.setDaemon(true);
        reader.start();
        port = ready.get(30, TimeUnit.SECONDS);
    }

    int port() {
        return port;
    }

    /** Every line the jar printed so far. */
    List<String> output() {
        return output;
    }

    /** The admin API's base address, once the jar printed it. */
    String adminBase() {
        return output.stream().map(ADMIN::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the jar printed no admin address: " + output));
    }

    static boolean pythonAvailable() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs a Python script (standard library only) and returns its exit status and output. */
    static ScriptRun python(Path script, String... args) throws Exception {
        assertThat(script).exists();
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finishes", script).isTrue();
        return new ScriptRun(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    record ScriptRun(int exitStatus, String output) {
    }

    /** SIGKILL: no shutdown hook runs, as when the machine's OOM killer or an operator's kill -9 strikes. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the jar dies on SIGKILL").isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the jar stops on SIGTERM").isTrue();
    }

    private void readOutput(CompletableFuture<Integer> ready) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                output.add(line);
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    ready.complete(Integer.parseInt(m.group(1)));
                }
            }
            ready.completeExceptionally(new IllegalStateException("the jar exited before it was ready: "
                    + String.join("\n", output)));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

}

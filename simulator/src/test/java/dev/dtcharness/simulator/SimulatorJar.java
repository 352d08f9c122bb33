package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shaded jar started as a separate process, the way a team's CI starts it; ready once it prints its port. */
final class SimulatorJar implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("DTC simulator ready on \\S+:(\\d+)");
    private static final Pattern ADMIN = Pattern.compile("admin API on (http://\\S+:(\\d+))/");
    private static final Path JAR = Path.of("target", "dtc-simulator.jar");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final int port;

    SimulatorJar(String... options) throws Exception {
        this(Map.of(), "127.0.0.1", options);
    }

    /** On {@code host}, with these environment variables set (a null value removes one). */
    SimulatorJar(Map<String, String> environment, String host, String... options) throws Exception {
        this(List.of(), environment, host, options);
    }

    /** The jar started by a shell that first lowers the open-file limit to {@code limit} (Linux, bash). */
    static SimulatorJar withOpenFileLimit(int limit, String... options) throws Exception {
        return new SimulatorJar(List.of("bash", "-c", "ulimit -n " + limit + " && exec \"$0\" \"$@\""), Map.of(),
                "127.0.0.1", options);
    }

    private SimulatorJar(List<String> prefix, Map<String, String> environment, String host, String... options)
            throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(command("--host", host, "--port", "0"));
        command.addAll(List.of(options));
        process = start(command, environment);
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(ready), "simulator-output");
        reader.setDaemon(true);
        reader.start();
        port = ready.get(30, TimeUnit.SECONDS);
    }

    int port() {
        return port;
    }

    /** Runs the jar with exactly these options until it exits on its own (at most 30 s). */
    static ScriptRun runToExit(Map<String, String> environment, String... options) throws Exception {
        Process p = start(command(options), environment);
        boolean exited = p.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        assertThat(exited).as("the jar exits by itself").isTrue();
        return new ScriptRun(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static List<String> command(String... options) {
        assertThat(JAR).as("the shaded jar built by 'package'").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(options));
        return command;
    }

    private static Process start(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return builder.start();
    }

    /** Every line the jar printed so far. */
    List<String> output() {
        return output;
    }

    /** The admin API's port, once the jar printed it. */
    int adminPort() {
        return output.stream().map(ADMIN::matcher).filter(Matcher::find).map(m -> Integer.parseInt(m.group(2))).findFirst()
                .orElseThrow(() -> new IllegalStateException("the jar printed no admin address: " + output));
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

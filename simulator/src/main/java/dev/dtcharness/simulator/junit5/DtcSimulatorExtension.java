package dev.dtcharness.simulator.junit5;

import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.SimulatorConfig;
import dev.dtcharness.simulator.journal.JournalEntry;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A simulator per test class, on 127.0.0.1 and a free port, reset before each test (orders, fills,
 * positions, journal, faults, connections), whose journal is printed only when a test fails.
 * Declarative: {@code @DtcSimulatorTest} and a {@link DtcSimulator} test parameter. Programmatic:
 * <pre>{@code
 * @RegisterExtension
 * static DtcSimulatorExtension sim = DtcSimulatorExtension.newInstance()
 *         .options(SimulatorConfig.builder().fillPolicy(FillPolicy.REST_LIMIT_ORDERS).build()).build();
 * }</pre>
 */
public final class DtcSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, AfterTestExecutionCallback, ParameterResolver {
    private final SimulatorConfig config;
    private final int journalLines;
    private final Consumer<String> printer;
    private DtcSimulator simulator;
    /** Registered on an instance field: no beforeAll, so the simulator lives for one test. */
    private boolean perTest;

    /** For {@code @ExtendWith} and {@code @DtcSimulatorTest}: default settings. */
    public DtcSimulatorExtension() {
        this(SimulatorConfig.builder().build(), 50, System.err::println);
    }

    private DtcSimulatorExtension(SimulatorConfig config, int journalLines, Consumer<String> printer) {
        this.config = config.toBuilder().host("127.0.0.1").dynamicPort().build();
        this.journalLines = journalLines;
        this.printer = printer;
    }

    public static Builder newInstance() {
        return new Builder();
    }

    /** The running simulator (from the first {@code beforeAll} on). */
    public DtcSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator starts before the first test of the class");
        }
        return simulator;
    }

    public int port() {
        return simulator().port();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (simulator == null) {
            simulator = DtcSimulator.start(config);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            perTest = true;
            simulator = DtcSimulator.start(config);
        } else {
            simulator.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            afterAll(context);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && simulator != null) {
            List<JournalEntry> tail = simulator.journal().tail(journalLines);
            StringBuilder sb = new StringBuilder("DTC simulator journal for ").append(context.getDisplayName())
                    .append(" (last ").append(tail.size()).append(" entries):");
            tail.forEach(e -> sb.append("\n  ").append(e.line()));
            printer.accept(sb.toString());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == DtcSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return simulator();
    }

    /** Settings of a programmatic extension. */
    public static final class Builder {
        private SimulatorConfig config = SimulatorConfig.builder().build();
        private int journalLines = 50;
        private Consumer<String> printer = System.err::println;

        /** Simulator settings; host and port are always 127.0.0.1 and a free port. */
        public Builder options(SimulatorConfig options) {
            config = options;
            return this;
        }

        /** How many journal entries a failed test prints (default 50). */
        public Builder journalLines(int lines) {
            journalLines = lines;
            return this;
        }

        /** Where the journal of a failed test goes (default: standard error). */
        public Builder printJournalTo(Consumer<String> target) {
            printer = target;
            return this;
        }

        public DtcSimulatorExtension build() {
            return new DtcSimulatorExtension(config, journalLines, printer);
        }
    }
}

package dev.dtcharness.simulator.script;

import static dev.dtcharness.simulator.dsl.Scenarios.order;
import static dev.dtcharness.simulator.dsl.Scenarios.scenario;
import static dev.dtcharness.simulator.script.Step.accept;
import static dev.dtcharness.simulator.script.Step.fill;
import static dev.dtcharness.simulator.script.Step.partialFill;
import static dev.dtcharness.simulator.script.Step.waitMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Scenario files and the DSL build the same model; bad files say where they are wrong. */
class ScenarioLoaderTest {

    @Test
    void shouldLoadTheShippedPartialFillsFileAsTheDslWritesIt() {
        Scenario fromFile = ScenarioLoader.load(Path.of("src/main/resources/dev/dtcharness/simulator/scenarios/partial-fills.yaml"));
        Scenario fromDsl = scenario("partial-fills")
                .when(order().symbol("ES")).reply(accept(), partialFill(1), waitMillis(50), fill())
                .otherwise(accept(), fill())
                .build();
        assertThat(fromFile).isEqualTo(fromDsl);
    }

    @Test
    void shouldLoadEveryStarterScenarioByNameFromTheJarResources() {
        for (String name : new String[] {"fill-all", "partial-fills", "reject-all", "slow-fills", "rest-then-disconnect"}) {
            assertThat(ScenarioLoader.load(name).name()).isEqualTo(name);
        }
        assertThat(ScenarioLoader.STARTERS).as("the names the error message lists")
                .containsExactly("fill-all", "partial-fills", "reject-all", "slow-fills", "rest-then-disconnect");
    }

    @Test
    void shouldRoundTripThroughJson() {
        Scenario s = scenario("x").when(order().side("SELL").nth(2)).reply(Step.reject("no")).build();
        assertThat(ScenarioLoader.parseJson(ScenarioLoader.toJson(s))).isEqualTo(s);
    }

    @Test
    void shouldReadDuplicateAndReorderStepsAsTheDslWritesThem() {
        Scenario fromFile = ScenarioLoader.parseYaml("""
                name: shuffled
                rules:
                  - replies: [{step: reorder}, {step: accept}, {step: duplicate, quantity: 2}, {step: fill}]
                """);
        Scenario fromDsl = scenario("shuffled").otherwise(Step.reorder(1), accept(), Step.duplicate(2), fill()).build();

        assertThat(fromFile.rules().get(0).replies()).extracting(Step::step, Step::updates).containsExactlyElementsOf(
                fromDsl.rules().get(0).replies().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.step(), r.updates()))
                        .toList());
        assertThat(fromFile.rules().get(0).replies()).filteredOn(Step::isFault).hasSize(2);
        assertThatThrownBy(() -> ScenarioLoader.parseYaml("rules: [{replies: [{step: duplicate, quantity: 0}]}]"))
                .hasMessageContaining("duplicate needs a quantity (updates) of 1 or more");
    }

    @Test
    void shouldNameTheStepAndPlaceOfABadFile() {
        assertThatThrownBy(() -> ScenarioLoader.parseYaml("""
                name: bad
                rules:
                  - replies:
                      - step: accept
                      - step: partial_fill
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partial_fill needs a quantity")
                .hasMessageContaining("rules[0].replies[1]");
        assertThatThrownBy(() -> ScenarioLoader.parseYaml("rules: [{replies: [{step: explode}]}]"))
                .hasMessageContaining("explode").hasMessageContaining("replies[0]");
    }
}

package dev.dtcharness.simulator.script;

import java.util.List;

/**
 * How the exchange answers orders: the first rule whose match fits an order decides its replies;
 * an order no rule fits follows the configured fill policy. Written as YAML or JSON
 * ({@link ScenarioLoader}) or with the Java DSL ({@code dev.dtcharness.simulator.dsl.Scenarios});
 * both build this same model.
 */
public record Scenario(String name, List<Rule> rules) {
    public Scenario {
        name = name == null ? "unnamed" : name;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}

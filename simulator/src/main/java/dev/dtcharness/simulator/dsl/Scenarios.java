package dev.dtcharness.simulator.dsl;

import dev.dtcharness.simulator.script.Match;
import dev.dtcharness.simulator.script.Rule;
import dev.dtcharness.simulator.script.Scenario;
import dev.dtcharness.simulator.script.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java front door to scenarios; it builds the same {@link Scenario} a YAML or JSON file does:
 * <pre>{@code
 * Scenario s = scenario("partial-fills")
 *         .when(order().symbol("ES")).reply(accept(), partialFill(1), waitMillis(50), fill())
 *         .otherwise(accept(), fill())
 *         .build();
 * }</pre>
 * {@code with}-style conditions live on {@link Match}; steps come from {@link Step}'s factories.
 */
public final class Scenarios {
    private final String name;
    private final List<Rule> rules = new ArrayList<>();

    private Scenarios(String name) {
        this.name = name;
    }

    public static Scenarios scenario(String name) {
        return new Scenarios(name);
    }

    /** Every order; narrow with {@code .symbol("ES").side("BUY").nth(2)}. */
    public static Match order() {
        return Match.any();
    }

    /** Starts a rule for orders that fit {@code match}; finish it with {@link RuleStart#reply}. */
    public RuleStart when(Match match) {
        return new RuleStart(match);
    }

    /** A last rule for every order no earlier rule took. */
    public Scenarios otherwise(Step... replies) {
        rules.add(new Rule(Match.any(), List.of(replies)));
        return this;
    }

    public Scenario build() {
        return new Scenario(name, rules);
    }

    /** A rule waiting for its replies. */
    public final class RuleStart {
        private final Match match;

        private RuleStart(Match match) {
            this.match = match;
        }

        public Scenarios reply(Step... replies) {
            rules.add(new Rule(match, List.of(replies)));
            return Scenarios.this;
        }
    }
}

package dev.dtcharness.simulator.exchange;

import dev.dtcharness.simulator.FillPolicy;
import dev.dtcharness.simulator.SimulatorConfig;
import dev.dtcharness.simulator.script.Rule;
import dev.dtcharness.simulator.script.Scenario;
import dev.dtcharness.simulator.script.Step;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happens to a new order: the replies of the first scenario rule it matches (its nth match
 * when the rule says so), else what the fill policy says (accept and fill, or rest a limit order).
 * {@link PlanSteps} carries the plan out. Touched only on the exchange thread.
 */
final class Plans {
    /** The plans without a scenario: steps are immutable, so every order shares them. */
    static final List<Step> ACCEPT_ONLY = List.of(Step.accept());
    static final List<Step> ACCEPT_THEN_FILL = List.of(Step.accept(), Step.fill());

    private final SimulatorConfig config;
    // By identity: two equal rules in one scenario count their matches apart.
    private final Map<Rule, Integer> ruleHits = new IdentityHashMap<>();
    private Scenario scenario;

    Plans(SimulatorConfig config) {
        this.config = config;
        this.scenario = config.exchange().scenario();
    }

    /** The scenario's replies for this order, or what the fill policy says. */
    List<Step> planFor(Order o) {
        if (scenario != null) {
            for (Rule rule : scenario.rules()) {
                if (rule.match().matches(o.symbol, o.side(), o.quantity, o.price1, o.account,
                        o.request.enumName("OrderType"))) {
                    int hit = ruleHits.merge(rule, 1, Integer::sum);
                    if (rule.match().nth() == null || rule.match().nth() == hit) {
                        return rule.replies();
                    }
                }
            }
        }
        if (config.exchange().fillPolicy() == FillPolicy.REST_LIMIT_ORDERS && !o.isMarket()) {
            return ACCEPT_ONLY;
        }
        return ACCEPT_THEN_FILL;
    }

    void use(Scenario newScenario) {
        scenario = newScenario;
        ruleHits.clear();
    }

    Scenario scenario() {
        return scenario;
    }

    /** Back to the configured scenario, its matches uncounted. */
    void reset() {
        use(config.exchange().scenario());
    }
}

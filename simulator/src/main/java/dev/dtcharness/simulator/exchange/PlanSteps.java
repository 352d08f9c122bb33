package dev.dtcharness.simulator.exchange;

import dev.dtcharness.simulator.script.Step;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out an order's plan ({@link Plans}) step by step through the {@link OrderLifecycle}; a
 * wait hands the rest to a timer on the exchange loop, a fault step goes to the order's session.
 * A step that no longer applies (a fill of a canceled order) does nothing.
 */
final class PlanSteps {
    private static final Logger LOG = LoggerFactory.getLogger(PlanSteps.class);

    private final ExchangeLoop loop;
    private final Delivery delivery;
    private final OrderLifecycle lifecycle;

    PlanSteps(ExchangeLoop loop, Delivery delivery, OrderLifecycle lifecycle) {
        this.loop = loop;
        this.delivery = delivery;
        this.lifecycle = lifecycle;
    }

    /** Carries out {@code steps} from {@code from} on. */
    void run(Order o, List<Step> steps, int from) {
        for (int i = from; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.step() == Step.Kind.WAIT) {
                int next = i + 1;
                loop.schedule(step.millis(), () -> run(o, steps, next));
                return;
            }
            perform(o, step);
        }
        if (o.isNew()) {
            // A plan that never accepted nor rejected must not leave the order in limbo.
            lifecycle.accept(o);
        }
    }

    private void perform(Order o, Step step) {
        if (step.isFault()) {
            SessionLink owner = delivery.owner(o);
            if (owner != null) {
                LOG.info("{}: fault {} (scenario, order {})", owner.label(), step.step(), o.clientOrderId);
                owner.fault(step);
            }
            return;
        }
        switch (step.step()) {
            case ACCEPT -> {
                if (o.isNew()) {
                    lifecycle.accept(o);
                }
            }
            case REJECT -> {
                String text = step.text() == null ? "rejected by the scenario" : step.text();
                if (o.isNew()) {
                    lifecycle.reject(o, text);
                    return;
                }
                lifecycle.cancel(o, text);
            }
            case PARTIAL_FILL, FILL -> {
                if (o.isNew()) {
                    lifecycle.accept(o);
                }
                if (!o.isWorking()) {
                    return;
                }
                double q = step.step() == Step.Kind.FILL ? o.remaining() : Math.min(step.quantity(), o.remaining());
                lifecycle.fill(o, q, step.price() == null ? o.defaultFillPrice() : step.price());
            }
            case CANCEL -> {
                if (o.isNew()) {
                    lifecycle.accept(o);
                }
                lifecycle.cancel(o, step.text());
            }
            default -> throw new IllegalStateException("unexpected step " + step);
        }
    }
}

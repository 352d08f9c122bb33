package dev.dtcharness.features.steps;

import static dev.dtcharness.features.support.Waits.SOON;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.dtcharness.features.support.LogCapture;
import dev.dtcharness.features.support.TradingWorld;
import io.cucumber.java.en.Then;
import java.util.List;
import java.util.regex.Pattern;

/** What the logs say: the checklist's "status changes are logged" and "logs are free of errors". */
public class LogSteps {
    private final LogCapture logs;
    private final TradingWorld world;

    public LogSteps(LogCapture logs, TradingWorld world) {
        this.logs = logs;
        this.world = world;
    }

    @Then("the client logged the order's status changes {orderStatuses}, in that order")
    public void theClientLoggedTheStatusChanges(List<String> statuses) {
        List<String> shortNames = statuses.stream().map(s -> s.substring("ORDER_STATUS_".length())).toList();
        String id = world.lastOrder().clientOrderId();
        // "order DH...-1 S1: PENDING_OPEN -> OPEN (GENERAL_ORDER_UPDATE)"
        Pattern change = Pattern.compile("order " + Pattern.quote(id) + " \\S+: \\S+ -> (\\S+) \\(.*\\)");
        SOON.alias("status change log lines of " + id).untilAsserted(() -> assertThat(logs.messagesFrom("dev.dtcharness.client")
                .stream().map(change::matcher).filter(java.util.regex.Matcher::matches).map(m -> m.group(1)).toList())
                .containsExactlyElementsOf(shortNames));
    }

    @Then("no line was logged at WARN or ERROR")
    public void noLineWasLoggedAtWarnOrError() {
        assertThat(logs.linesAtOrAbove(Level.WARN)).as("WARN and ERROR lines of this scenario").isEmpty();
    }
}

package dev.dtcharness.simulator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dtcharness.protocol.message.GeneralLogMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How findings become one GENERAL_LOG_MESSAGE text: the intent first, where while it fits, never past MessageText. */
class ConformanceRepliesTest {
    private static final int MAX = GeneralLogMessage.MESSAGE_TEXT.maxStringLength();

    @Test
    void shouldNameTheMessageAndItsFieldsAfterTheIntentWhenTheyFit() {
        assertThat(ConformanceReplies.text("prices are doubles", "SUBMIT_NEW_SINGLE_ORDER", List.of("Price1", "Price2")))
                .isEqualTo("prices are doubles (SUBMIT_NEW_SINGLE_ORDER: Price1, Price2)");
        assertThat(ConformanceReplies.text("not DTC v8", "HEARTBEAT", List.of())).isEqualTo("not DTC v8");
    }

    @Test
    void shouldDropTheMessageNameThenCutToMessageText() {
        String intent = "i".repeat(MAX - 20);
        assertThat(ConformanceReplies.text(intent, "SUBMIT_NEW_SINGLE_ORDER", List.of("Price1")))
                .as("without the message name it fits").isEqualTo(intent + " (Price1)");
        String text = ConformanceReplies.text("x".repeat(MAX + 50), "HEARTBEAT", List.of("CurrentDateTime"));
        assertThat(text).hasSize(MAX).startsWith("xxx");
    }
}

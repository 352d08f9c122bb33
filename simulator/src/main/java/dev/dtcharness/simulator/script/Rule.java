package dev.dtcharness.simulator.script;

import java.util.List;
import java.util.Objects;

/** When an order matches {@code match}, the exchange answers it with {@code replies}, in order. */
public record Rule(Match match, List<Step> replies) {
    public Rule {
        match = match == null ? Match.any() : match;
        Objects.requireNonNull(replies, "replies (expected: a list of steps)");
        replies = List.copyOf(replies);
        if (replies.isEmpty()) {
            throw new IllegalArgumentException("replies is empty (expected: at least one step, e.g. accept)");
        }
    }
}

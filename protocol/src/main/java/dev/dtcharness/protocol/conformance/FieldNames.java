package dev.dtcharness.protocol.conformance;

import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import java.util.List;
import java.util.Locale;

/** Suggests the field a misspelt or misremembered JSON name probably meant. */
final class FieldNames {
    private FieldNames() {
    }

    /** "did you mean OrderQuantity, FilledQuantity or RemainingQuantity?", or null when nothing is close. */
    static String suggest(MessageSpec m, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (FieldSpec f : m.fields()) {
            if (f.name().equalsIgnoreCase(name)) {
                return "field names are case-sensitive: " + f.name();
            }
        }
        List<String> close = m.fields().stream().map(FieldSpec::name)
                .filter(n -> {
                    String l = n.toLowerCase(Locale.ROOT);
                    return (lower.length() >= 4 && l.contains(lower)) || distance(l, lower) <= 3;
                })
                .toList();
        if (close.isEmpty()) {
            return null;
        }
        String list = close.size() == 1 ? close.get(0)
                : String.join(", ", close.subList(0, close.size() - 1)) + " or " + close.get(close.size() - 1);
        return "did you mean " + list + "?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

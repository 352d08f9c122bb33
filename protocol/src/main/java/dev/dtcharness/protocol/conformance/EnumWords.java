package dev.dtcharness.protocol.conformance;

import dev.dtcharness.protocol.spec.EnumSpec;
import java.util.Locale;
import java.util.Map;

/** Reads an enum written as a word ("BUY", "DAY", "Limit") and says which integer was meant. */
final class EnumWords {
    private EnumWords() {
    }

    /** "send 1 for BUY", or null when the word matches no constant of the enum. */
    static String meant(EnumSpec e, String word) {
        String w = word.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (Map.Entry<String, Long> c : e.values().entrySet()) {
            String name = c.getKey();
            if (name.equals(w) || name.endsWith("_" + w)) {
                return "enums are integers in every DTC encoding: send " + c.getValue() + " for " + name;
            }
        }
        return null;
    }
}

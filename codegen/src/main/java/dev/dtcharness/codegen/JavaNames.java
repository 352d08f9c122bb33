package dev.dtcharness.codegen;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** How the spec's names become Java names; every rule here is one a reader can undo by eye. */
final class JavaNames {
    /**
     * Methods of DtcMessage and MessageView that an accessor must not shadow: the generator refuses a spec
     * whose field would become one of them rather than emit code that means something else.
     */
    private static final Set<String> RESERVED = Set.of("spec", "name", "type", "is", "get", "getLong", "getInt",
            "getDouble", "getString", "isSet", "isStated", "enumName", "copy", "copyTo", "clear", "toString",
            "hashCode", "equals", "getClass", "notify", "wait", "set", "setEnum", "setStated");

    private JavaNames() {
    }

    /** {@code ORDER_UPDATE} becomes {@code OrderUpdate}. */
    static String typeName(String specName) {
        StringBuilder b = new StringBuilder();
        for (String part : specName.split("_")) {
            if (!part.isEmpty()) {
                b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return b.toString();
    }

    /**
     * {@code OrderStatusEnum} becomes {@code OrderStatus}, {@code AtBidOrAskEnum8} {@code AtBidOrAsk8}; an enum
     * whose short name a message has ({@code MarketDataFeedStatusEnum}, beside MARKET_DATA_FEED_STATUS) keeps
     * the spec's name, so no two generated types share a simple name.
     */
    static String enumName(String specName, SpecModel spec) {
        String shorter = specName.replace("Enum", "");
        boolean taken = spec.messages().stream().anyMatch(m -> typeName(m.name()).equals(shorter));
        return taken ? specName : shorter;
    }

    /**
     * A field's accessor: the spec's name with its leading capitals lowered, so {@code ClientOrderID} reads
     * {@code clientOrderID} and {@code OCOLinkedOrderServerOrderID} reads {@code ocoLinkedOrderServerOrderID}.
     */
    static String accessor(String field) {
        int upper = 0;
        while (upper < field.length() && Character.isUpperCase(field.charAt(upper))) {
            upper++;
        }
        int lowered = upper > 1 && upper < field.length() && Character.isLowerCase(field.charAt(upper)) ? upper - 1 : Math.max(upper, 1);
        String name = field.substring(0, lowered).toLowerCase(Locale.ROOT) + field.substring(lowered);
        if (RESERVED.contains(name) || !SourceVersion.isName(name)) {
            throw new IllegalArgumentException("field " + field + " would shadow or break a Java name: " + name);
        }
        return name;
    }

    /** {@code setClientOrderID}. */
    static String setter(String field) {
        return "set" + field;
    }

    /** The field handle's constant: {@code ClientOrderID} becomes {@code CLIENT_ORDER_ID}, {@code Price1_1AsString} {@code PRICE1_1_AS_STRING}. */
    static String constant(String field) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                char before = field.charAt(i - 1);
                boolean nextLower = i + 1 < field.length() && Character.isLowerCase(field.charAt(i + 1));
                if (Character.isLowerCase(before) || Character.isDigit(before) || (Character.isUpperCase(before) && nextLower)) {
                    b.append('_');
                }
            }
            b.append(Character.toUpperCase(c));
        }
        return b.toString();
    }

    /**
     * The Java names of an enum's constants: the prefix every constant shares is dropped
     * ({@code ORDER_STATUS_FILLED} reads {@code FILLED}) unless dropping it leaves a name Java cannot take.
     */
    static List<String> constants(List<String> specNames) {
        String prefix = sharedPrefix(specNames);
        if (!prefix.isEmpty()) {
            List<String> stripped = specNames.stream().map(n -> n.substring(prefix.length())).toList();
            if (stripped.stream().allMatch(n -> !n.isEmpty() && SourceVersion.isName(n))) {
                return stripped;
            }
        }
        return specNames;
    }

    private static String sharedPrefix(List<String> names) {
        if (names.size() < 2) {
            return "";
        }
        String first = names.get(0);
        int end = first.length();
        for (String n : names) {
            int i = 0;
            while (i < end && i < n.length() && n.charAt(i) == first.charAt(i)) {
                i++;
            }
            end = i;
        }
        int cut = first.lastIndexOf('_', end - 1);
        return cut < 0 ? "" : first.substring(0, cut + 1);
    }
}

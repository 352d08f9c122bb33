package dev.dtcharness.simulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A route's parameters, from the query string and from a JSON object body alike, each checked
 * against what the route takes: an unknown or repeated name, a number that is not a plain finite
 * decimal or lies outside its range, an over-long text, each gets a 400 and one sentence naming it.
 */
final class AdminParams {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Plain decimals only: Java would also read "NaN", "Infinity", "0x1p3" and "1d". */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");

    private final Map<String, String> values;

    private AdminParams(Map<String, String> values) {
        this.values = values;
    }

    /**
     * The parameters of {@code route} (e.g. "POST /faults/garbage"), which takes only {@code allowed}:
     * the query's and, when {@code body} is a JSON object, its fields'.
     */
    static AdminParams of(String route, Map<String, List<String>> query, String body, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        for (var e : query.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new IllegalArgumentException("parameter '" + AdminGuard.printable(e.getKey()) + "' is given "
                        + e.getValue().size() + " times (expected: once)");
            }
            values.put(e.getKey(), e.getValue().isEmpty() ? "" : e.getValue().get(0));
        }
        if (!body.isBlank()) {
            JsonNode root = readJson(body);
            if (!root.isObject()) {
                throw new IllegalArgumentException("the body is a JSON " + root.getNodeType().toString().toLowerCase()
                        + " (expected: a JSON object of parameters, or no body)");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                var field = it.next();
                JsonNode v = field.getValue();
                if (!v.isValueNode() || v.isNull()) {
                    throw new IllegalArgumentException("field '" + AdminGuard.printable(field.getKey()) + "' is "
                            + (v.isNull() ? "null" : "a JSON " + v.getNodeType().toString().toLowerCase())
                            + " (expected: a number, text or true/false)");
                }
                if (values.putIfAbsent(field.getKey(), v.asText()) != null) {
                    throw new IllegalArgumentException("parameter '" + AdminGuard.printable(field.getKey())
                            + "' is given in the query and in the body (expected: once)");
                }
            }
        }
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + AdminGuard.printable(name) + "' for " + route
                        + " (expected: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed.stream().sorted().toList()))
                        + ")");
            }
        }
        return new AdminParams(values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The text, at most {@code maxLength} characters; {@code fallback} when absent (null: required). */
    String text(String name, String fallback, int maxLength) {
        String v = values.get(name);
        if (v == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("parameter '" + name + "' is missing (expected: text)");
            }
            return fallback;
        }
        if (v.isEmpty() || v.length() > maxLength) {
            throw new IllegalArgumentException(name + " of " + v.length() + " characters (expected: 1 to " + maxLength + ")");
        }
        return v;
    }

    /** Absent or false: false; true: true; anything else is a bad request. */
    boolean flag(String name) {
        String v = values.getOrDefault(name, "false");
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(name + "=" + AdminGuard.printable(v) + " (expected: true or false)");
        }
        return v.equals("true");
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when absent. */
    int integer(String name, int fallback, int min, int max) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            n = WHOLE.matcher(v).matches() ? Long.parseLong(v) : Long.MIN_VALUE;
        } catch (NumberFormatException e) {
            n = Long.MIN_VALUE; // more digits than a long holds
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + "=" + AdminGuard.printable(v) + " (expected: a whole number from "
                    + min + " to " + max + ")");
        }
        return (int) n;
    }

    /** A finite number, more than 0 when {@code positive}; required. */
    double number(String name, boolean positive) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter '" + name + "' is missing (expected: a number)");
        }
        double d = DECIMAL.matcher(v).matches() ? Double.parseDouble(v) : Double.NaN;
        if (!Double.isFinite(d) || (positive && !(d > 0))) {
            throw new IllegalArgumentException(name + "=" + AdminGuard.printable(v) + " (expected: a finite number"
                    + (positive ? " more than 0" : "") + ")");
        }
        return d;
    }

    /** One of {@code choices}; {@code fallback} when absent (null: required). */
    String choice(String name, String fallback, List<String> choices) {
        String v = values.get(name);
        if (v == null && fallback != null) {
            return fallback;
        }
        if (v == null || !choices.contains(v)) {
            throw new IllegalArgumentException(name + "=" + (v == null ? "(missing)" : AdminGuard.printable(v))
                    + " (expected: " + String.join(" or ", choices) + ")");
        }
        return v;
    }

    private static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getMessage());
        }
    }
}

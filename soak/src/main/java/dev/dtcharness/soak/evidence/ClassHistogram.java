package dev.dtcharness.soak.evidence;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One GC.class_histogram: instances and shallow bytes per class name. Lines look like
 * {@code "   1:   12345   678900  java.lang.String (java.base@17.0.15)"}.
 */
public record ClassHistogram(Map<String, Long> instances, Map<String, Long> bytes) {
    private static final Pattern LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    public static ClassHistogram parse(String text) {
        Map<String, Long> instances = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        for (String line : text.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                instances.merge(m.group(3), Long.parseLong(m.group(1)), Long::sum);
                bytes.merge(m.group(3), Long.parseLong(m.group(2)), Long::sum);
            }
        }
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("no class lines in GC.class_histogram output: "
                    + text.substring(0, Math.min(200, text.length())));
        }
        return new ClassHistogram(Map.copyOf(instances), Map.copyOf(bytes));
    }

    public long instancesOf(String className) {
        return instances.getOrDefault(className, 0L);
    }

    public long bytesOf(String className) {
        return bytes.getOrDefault(className, 0L);
    }
}

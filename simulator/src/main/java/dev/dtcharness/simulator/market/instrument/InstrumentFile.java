package dev.dtcharness.simulator.market.instrument;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an instrument file into a table builder. The file is an object with an {@code "instruments"} array
 * (and an optional {@code "about"} text); each entry's keys are the {@link Instrument.Builder} settings.
 * Read token by token so every error can say on which line the bad value stands: one line,
 * {@code "<file> line <n>: instruments[<i>].<field> (<symbol>): <value> (expected: <what>)"}.
 */
final class InstrumentFile {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String source;
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, String> pathOfSymbol = new HashMap<>();

    private InstrumentFile(String source) {
        this.source = source;
    }

    static void read(String json, String source, InstrumentTable.Builder into) {
        new InstrumentFile(source).readInto(json, into);
    }

    private void readInto(String json, InstrumentTable.Builder into) {
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw error(line(p), "the file", first == null ? "empty" : p.getText(),
                        "a JSON object with an \"instruments\" array");
            }
            boolean seen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                int at = line(p);
                if (name.equals("about")) {
                    p.skipChildren();
                } else if (name.equals("instruments")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw error(at, "instruments", shown(p.readValueAsTree()), "an array of instruments");
                    }
                    readInstruments(p, into);
                    seen = true;
                } else {
                    throw error(at, name, "unknown field", "\"instruments\" (and optionally \"about\")");
                }
            }
            if (!seen) {
                throw error(line(p), "instruments", "missing", "an \"instruments\" array");
            }
            if (p.nextToken() != null) {
                throw error(line(p), "the file", "more after the closing }", "one JSON object");
            }
        } catch (JsonProcessingException e) {
            int at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String why = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            throw new IllegalArgumentException(source + " line " + at + ": malformed JSON: " + why.lines().findFirst().orElse(why), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private void readInstruments(JsonParser p, InstrumentTable.Builder into) throws IOException {
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String path = "instruments[" + index + "]";
            int at = line(p);
            if (t != JsonToken.START_OBJECT) {
                throw error(at, path, shown(p.readValueAsTree()), "an object with symbol, securityType, tickSize, tickValue...");
            }
            lines.put(path, at);
            ObjectNode entry = readObject(p, path);
            Instrument instrument = new Entry(path, entry).instrument();
            try {
                into.add(instrument);
            } catch (InstrumentException e) {
                throw error(lineOf(path + ".symbol", path), path + ".symbol", e.value(),
                        "a symbol not already in the table (" + pathOfSymbol.get(instrument.symbol()) + " has it)");
            }
            pathOfSymbol.put(instrument.symbol(), path);
            index++;
        }
    }

    /** An object's fields, recording the line each value starts on (nested objects too). */
    private ObjectNode readObject(JsonParser p, String path) throws IOException {
        ObjectNode obj = JsonNodeFactory.instance.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            String fieldPath = path + "." + name;
            lines.put(fieldPath, line(p));
            obj.set(name, t == JsonToken.START_OBJECT ? readObject(p, fieldPath) : p.readValueAsTree());
        }
        return obj;
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** The line of the value at {@code path}, else of the nearest enclosing one that is in the file. */
    private int lineOf(String path, String fallback) {
        for (String p = path; ; p = p.substring(0, p.lastIndexOf('.'))) {
            Integer at = lines.get(p);
            if (at != null) {
                return at;
            }
            if (p.lastIndexOf('.') < 0) {
                return lines.getOrDefault(fallback, 0);
            }
        }
    }

    private IllegalArgumentException error(int line, String where, String value, String expected) {
        return new IllegalArgumentException(source + " line " + line + ": " + where + ": " + value + " (expected: " + expected + ")");
    }

    static String shown(JsonNode node) {
        String s = node == null ? "nothing" : node.toString();
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** One entry of the array, turned into an instrument or an error naming the entry's field. */
    private final class Entry {
        private final String path;
        private final ObjectNode node;
        private String symbol;

        Entry(String path, ObjectNode node) {
            this.path = path;
            this.node = node;
        }

        Instrument instrument() {
            // The symbol first, so every later error can name the instrument.
            symbol = InstrumentFields.text(this::fail, "symbol", required("symbol", "the symbol, e.g. \"ES\""));
            for (var it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!InstrumentFields.KEYS.contains(key)) {
                    throw fail(key, "unknown field", "one of " + InstrumentFields.KEYS);
                }
            }
            Instrument.Builder b = Instrument.builder(symbol);
            InstrumentFields.apply(this::fail, node, b);
            try {
                return b.build();
            } catch (InstrumentException e) {
                throw fail(e.setting(), e.value(), e.expected());
            }
        }

        private JsonNode required(String key, String expected) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                throw fail(key, "missing", expected);
            }
            return v;
        }

        IllegalArgumentException fail(String key, String value, String expected) {
            String where = path + "." + key + (symbol == null ? "" : " (" + symbol + ")");
            return error(lineOf(path + "." + key, path), where, value, expected);
        }
    }
}

package dev.dtcharness.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of dtc-v8.json the generator needs: message names, types and fields (name and C type), and
 * the enums with their constants. Read here rather than through protocol's DtcSpec, which is compiled
 * after the sources generated from this.
 */
record SpecModel(List<Message> messages, Map<String, Enum> enums) {
    record Field(String name, String ctype) {
    }

    record Message(String name, int type, List<Field> fields) {
    }

    record Constant(String name, long value) {
    }

    record Enum(String name, String base, List<Constant> constants) {
    }

    static SpecModel read(Path specFile) throws IOException {
        JsonNode root = new ObjectMapper().readTree(specFile.toFile());
        Map<String, Enum> enums = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("enums").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<Constant> constants = new ArrayList<>();
            for (JsonNode v : e.getValue().path("values")) {
                constants.add(new Constant(v.path("name").asText(), v.path("value").asLong()));
            }
            enums.put(e.getKey(), new Enum(e.getKey(), e.getValue().path("base").asText(), List.copyOf(constants)));
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode m : root.path("messages")) {
            List<Field> fields = new ArrayList<>();
            for (JsonNode f : m.path("fields")) {
                fields.add(new Field(f.path("name").asText(), f.path("ctype").asText()));
            }
            messages.add(new Message(m.path("name").asText(), m.path("type").asInt(), List.copyOf(fields)));
        }
        if (messages.isEmpty() || enums.isEmpty()) {
            throw new IOException(specFile + ": no messages or no enums (is this dtc-v8.json?)");
        }
        return new SpecModel(List.copyOf(messages), enums);
    }
}

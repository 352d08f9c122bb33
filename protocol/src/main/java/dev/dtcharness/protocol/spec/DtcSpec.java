package dev.dtcharness.protocol.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DTC v8 as data: the single source of truth for type numbers, fields, C types, capacities,
 * offsets and defaults, read from {@code dtc-v8.json} on the classpath (kept verbatim, never edited by hand).
 */
public final class DtcSpec {
    /** Classpath location of the spec, beside its README and FACTS.md. */
    public static final String RESOURCE = "/dev/dtcharness/protocol/dtc-v8.json";

    private static final DtcSpec V8 = load();

    private final int protocolVersion;
    private final Map<String, Integer> typeByName;
    private final Map<Integer, String> nameByType;
    private final Map<String, EnumSpec> enums;
    private final Map<String, MessageSpec> messagesByName;
    /** Indexed by type number: the decoders look a type up for every frame, so no map and no boxing. */
    private final MessageSpec[] messagesByType;

    private DtcSpec(int protocolVersion, Map<String, Integer> typeByName, Map<String, EnumSpec> enums,
                    List<MessageSpec> messages) {
        this.protocolVersion = protocolVersion;
        this.typeByName = Collections.unmodifiableMap(typeByName);
        Map<Integer, String> names = new HashMap<>();
        typeByName.forEach((n, t) -> names.put(t, n));
        this.nameByType = Collections.unmodifiableMap(names);
        this.enums = Collections.unmodifiableMap(enums);
        Map<String, MessageSpec> byName = new LinkedHashMap<>();
        Map<Integer, MessageSpec> byType = new HashMap<>();
        for (MessageSpec m : messages) {
            byName.put(m.name(), m);
            byType.put(m.type(), m);
        }
        this.messagesByName = Collections.unmodifiableMap(byName);
        this.messagesByType = new MessageSpec[byType.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        byType.forEach((t, m) -> messagesByType[t] = m);
    }

    /** The spec shipped with this module. */
    public static DtcSpec v8() {
        return V8;
    }

    public int protocolVersion() {
        return protocolVersion;
    }

    /** Every message that has a body in the spec, in spec order. */
    public Collection<MessageSpec> messages() {
        return messagesByName.values();
    }

    /** The message body; throws in plain words when the spec has no such message. */
    public MessageSpec message(String name) {
        MessageSpec m = messagesByName.get(name);
        if (m == null) {
            throw new IllegalArgumentException("DTC v8 has no message body named " + name);
        }
        return m;
    }

    /** The message body for a type number, or null when the type is unknown or has no body. */
    public MessageSpec messageOrNull(int type) {
        return type >= 0 && type < messagesByType.length ? messagesByType[type] : null;
    }

    /** The type number of a message name listed in the spec (with or without a body). */
    public int typeOf(String name) {
        Integer t = typeByName.get(name);
        if (t == null) {
            throw new IllegalArgumentException("DTC v8 has no message type named " + name);
        }
        return t;
    }

    /** The name of a type number, or null when DTC v8 does not define it. */
    public String nameOfType(int type) {
        return nameByType.get(type);
    }

    public EnumSpec enumeration(String name) {
        EnumSpec e = enums.get(name);
        if (e == null) {
            throw new IllegalArgumentException("DTC v8 has no enum " + name);
        }
        return e;
    }

    /** Shorthand for {@code enumeration(enumName).valueOf(constant)} as an int. */
    public int enumValue(String enumName, String constant) {
        return (int) enumeration(enumName).valueOf(constant);
    }

    private static DtcSpec load() {
        try (InputStream in = DtcSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("DTC spec not found on the classpath at " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read DTC spec " + RESOURCE, e);
        }
    }

    static DtcSpec parse(JsonNode root) {
        int version = root.path("protocolVersion").asInt();
        Map<String, Integer> types = new LinkedHashMap<>();
        for (JsonNode t : root.path("messageTypes")) {
            types.put(t.path("name").asText(), t.path("type").asInt());
        }
        Map<String, EnumSpec> enums = new LinkedHashMap<>();
        root.path("enums").fields().forEachRemaining(e -> {
            Map<String, Long> values = new LinkedHashMap<>();
            for (JsonNode v : e.getValue().path("values")) {
                values.put(v.path("name").asText().intern(), v.path("value").asLong());
            }
            enums.put(e.getKey(), new EnumSpec(e.getKey(), WireKind.ofCType(e.getValue().path("base").asText()), values));
        });
        SpecDefaults defaults = new SpecDefaults(version, enums);
        List<MessageSpec> messages = new ArrayList<>();
        for (JsonNode m : root.path("messages")) {
            List<FieldSpec> fields = new ArrayList<>();
            int strings = 0;
            for (JsonNode f : m.path("fields")) {
                String ctype = f.path("ctype").asText();
                EnumSpec enumSpec = enums.get(ctype);
                WireKind kind = enumSpec != null ? enumSpec.base() : WireKind.ofCType(ctype);
                String rawDefault = f.hasNonNull("default") ? f.get("default").asText() : null;
                // Interned names: lookups with a literal ("ServerOrderID") then match by identity, not char by char.
                fields.add(new FieldSpec(fields.size(), f.path("name").asText().intern(), ctype, kind,
                        f.path("length").asInt(0), f.path("offset").asInt(), f.path("size").asInt(),
                        defaults.resolve(rawDefault, kind, enumSpec), enumSpec,
                        kind == WireKind.STRING ? strings++ : fields.size() - strings));
            }
            messages.add(new MessageSpec(m.path("name").asText().intern(), m.path("type").asInt(),
                    m.path("binarySize").asInt(), fields));
        }
        return new DtcSpec(version, types, enums, messages);
    }
}

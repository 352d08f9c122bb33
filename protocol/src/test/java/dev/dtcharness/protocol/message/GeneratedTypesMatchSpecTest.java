package dev.dtcharness.protocol.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageView;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.EnumSpec;
import dev.dtcharness.protocol.spec.FieldSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import dev.dtcharness.protocol.spec.WireKind;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generated types against the spec they were generated from, read afresh: one class and one view per
 * message, one accessor per field of the width DtcMessage holds it in, reading and writing the same slot the
 * untyped API does, and every enum constant with the spec's value and name. A generator that drops, renames
 * or mistypes anything fails here.
 */
class GeneratedTypesMatchSpecTest {
    private static final String MESSAGES = "dev.dtcharness.protocol.message.";
    private static final String ENUMS = "dev.dtcharness.protocol.enums.";

    @Test
    void everyMessageHasItsClassAndViewAndNothingElseIsGenerated() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (MessageSpec m : DtcSpec.v8().messages()) {
            Class<?> cls = Class.forName(MESSAGES + className(m.name()));
            Class<?> view = Class.forName(MESSAGES + className(m.name()) + "View");
            assertTrue(DtcMessage.class.isAssignableFrom(cls) && Modifier.isFinal(cls.getModifiers()), cls + " is a final DtcMessage");
            assertTrue(view.isInterface() && MessageView.class.isAssignableFrom(view) && view.isAssignableFrom(cls),
                    view + " is the read-only view " + cls + " implements");
            assertSame(m, cls.getField("SPEC").get(null), cls + ".SPEC");
            DtcMessage made = DtcMessage.of(m);
            assertInstanceOf(cls, made, "DtcMessage.of(" + m.name() + ")");
            assertInstanceOf(cls, made.copy(), m.name() + " copy");
            expected.add(cls.getSimpleName());
            expected.add(view.getSimpleName());
        }
        assertEquals(expected, generatedTypesIn("message"));
    }

    @Test
    void everyFieldHasAHandleAGetterAndASetterOnTheSameSlot() throws Exception {
        int fields = 0;
        for (MessageSpec m : DtcSpec.v8().messages()) {
            Class<?> cls = Class.forName(MESSAGES + className(m.name()));
            Class<?> view = Class.forName(MESSAGES + className(m.name()) + "View");
            for (FieldSpec f : m.fields()) {
                assertSame(f, cls.getField(constantName(f.name())).get(null), m.name() + "." + f.name() + " handle");
                Method getter = view.getMethod(accessorName(f.name()));
                Class<?> setterType = f.enumSpec() != null ? getter.getReturnType() : javaType(f);
                Method setter = cls.getMethod("set" + f.name(), setterType);
                assertSame(cls, setter.getReturnType(), setter + " returns its own class");
                if (f.enumSpec() != null) {
                    assertTrue(getter.getReturnType().isEnum(), getter + " returns an enum");
                    assertEquals(int.class, view.getMethod(accessorName(f.name()) + "Value").getReturnType());
                    checkEnumField(m, f, cls, getter, setter);
                } else {
                    assertEquals(javaType(f), getter.getReturnType(), getter + " for " + f.declaration());
                    checkPlainField(m, f, getter, setter);
                }
                fields++;
            }
        }
        assertTrue(fields > 500, "all fields of all messages seen: " + fields);
    }

    @Test
    void everyEnumHasTheSpecsConstantsValuesAndNames() throws Exception {
        JsonNode enums;
        try (InputStream in = DtcSpec.class.getResourceAsStream(DtcSpec.RESOURCE)) {
            enums = new ObjectMapper().readTree(in).path("enums");
        }
        Set<String> expected = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = enums.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Class<?> type = enumClass(e.getKey());
            expected.add(type.getSimpleName());
            Object[] constants = type.getEnumConstants();
            List<String> specNames = new ArrayList<>();
            e.getValue().path("values").forEach(v -> specNames.add(v.path("name").asText()));
            assertEquals(specNames.size(), constants.length, type + " constants");
            for (int i = 0; i < constants.length; i++) {
                JsonNode v = e.getValue().path("values").get(i);
                Object c = constants[i];
                assertEquals(v.path("name").asText(), type.getMethod("specName").invoke(c), c + " spec name");
                assertEquals(v.path("value").asInt(), type.getMethod("value").invoke(c), c + " value");
                assertSame(c, type.getMethod("of", long.class).invoke(null, v.path("value").asLong()), c + " by value");
                assertTrue(v.path("name").asText().endsWith(((Enum<?>) c).name()), c + " is its spec name, shortened at the front only");
            }
            assertNull(type.getMethod("of", long.class).invoke(null, 1L << 40), type + " of a value it lacks");
            assertNull(type.getMethod("of", long.class).invoke(null, -7777L), type + " of a value it lacks");
        }
        assertEquals(expected, generatedTypesIn("enums"));
    }

    private static void checkPlainField(MessageSpec m, FieldSpec f, Method getter, Method setter) throws Exception {
        DtcMessage byName = DtcMessage.of(m);
        DtcMessage typed = DtcMessage.of(m);
        Object sample = sample(f);
        byName.set(f.name(), sample);
        assertEquals(byName.get(f.name()), box(getter.invoke(byName)), m.name() + "." + f.name() + " read typed");
        setter.invoke(typed, getter.invoke(byName));
        assertEquals(byName, typed, m.name() + "." + f.name() + " written typed");
    }

    private static void checkEnumField(MessageSpec m, FieldSpec f, Class<?> cls, Method getter, Method setter) throws Exception {
        EnumSpec spec = f.enumSpec();
        Map.Entry<String, Long> last = spec.values().entrySet().stream().reduce((a, b) -> b).orElseThrow();
        DtcMessage byName = DtcMessage.of(m).setEnum(f.name(), last.getKey());
        Object constant = getter.invoke(byName);
        assertEquals(last.getKey(), constant.getClass().getMethod("specName").invoke(constant), m.name() + "." + f.name());
        DtcMessage typed = DtcMessage.of(m);
        setter.invoke(typed, constant);
        assertEquals(byName, typed, m.name() + "." + f.name() + " written typed");
        DtcMessage odd = DtcMessage.of(m);
        cls.getMethod("set" + f.name() + "Value", int.class).invoke(odd, 99);
        assertNull(getter.invoke(odd), m.name() + "." + f.name() + " = 99 is no constant");
        assertEquals(99, cls.getMethod(accessorName(f.name()) + "Value").invoke(odd));
    }

    private static Object sample(FieldSpec f) {
        WireKind k = f.kind();
        if (k == WireKind.STRING) {
            return "x" + f.index();
        }
        if (k.isFloatingPoint()) {
            return 2.5 + f.index();
        }
        return (long) (3 + f.index());
    }

    private static Object box(Object typed) {
        if (typed instanceof Integer i) {
            return (long) i;
        }
        return typed;
    }

    private static Class<?> javaType(FieldSpec f) {
        WireKind k = f.kind();
        if (k == WireKind.STRING) {
            return String.class;
        }
        if (k.isFloatingPoint()) {
            return double.class;
        }
        return switch (k) {
            case INT8, UINT8, INT16, UINT16, INT32 -> int.class;
            default -> long.class;
        };
    }

    private static Class<?> enumClass(String specName) throws ClassNotFoundException {
        try {
            return Class.forName(ENUMS + specName.replace("Enum", ""));
        } catch (ClassNotFoundException e) {
            return Class.forName(ENUMS + specName);
        }
    }

    private static String className(String specName) {
        return Arrays.stream(specName.split("_")).map(p -> p.charAt(0) + p.substring(1).toLowerCase()).collect(Collectors.joining());
    }

    private static String constantName(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2").toUpperCase();
    }

    private static String accessorName(String field) {
        int upper = 0;
        while (upper < field.length() && Character.isUpperCase(field.charAt(upper))) {
            upper++;
        }
        int cut = upper > 1 && upper < field.length() && Character.isLowerCase(field.charAt(upper)) ? upper - 1 : Math.max(upper, 1);
        return field.substring(0, cut).toLowerCase() + field.substring(cut);
    }

    private static Set<String> generatedTypesIn(String pkg) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(GeneratedTypesMatchSpecTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolveSibling("classes").resolve("dev/dtcharness/protocol/" + pkg);
        try (var files = java.nio.file.Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length())).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}

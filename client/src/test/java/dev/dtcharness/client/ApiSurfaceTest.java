package dev.dtcharness.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house shows its rooms: what an app imports is package {@code dev.dtcharness.client}, and no public
 * signature there (constructor, method, field, supertype, type arguments included) names a type of
 * {@code dev.dtcharness.client.internal}, which may change at any time.
 */
class ApiSurfaceTest {
    private static final String API = "dev.dtcharness.client";
    private static final String INTERNAL = API + ".internal";

    @Test
    void shouldExposeNoInternalTypeInAPublicSignatureOfTheApiPackage() throws Exception {
        List<Class<?>> api = apiTypes();
        assertThat(api).as("the API package's public types were found").contains(DtcClient.class, Order.class,
                DtcClientConfig.ConnectionSettings.class);

        List<String> leaks = new ArrayList<>();
        for (Class<?> c : api) {
            leaks.addAll(leaks(c));
        }

        assertThat(leaks).isEmpty();
    }

    @Test
    void shouldSeeALeakWhereThereIsOne() {
        assertThat(leaks(Leaky.class)).as("the check itself can fail").containsExactlyInAnyOrder(
                "Leaky.book() returns dev.dtcharness.client.internal.order.OrderBook",
                "Leaky.books parameter java.util.List<dev.dtcharness.client.internal.order.OrderBook>");
    }

    /** Not in the API package (a test's nested type), only to show the check finds what it looks for. */
    public static final class Leaky {
        public dev.dtcharness.client.internal.order.OrderBook book() {
            return null;
        }

        public void books(List<dev.dtcharness.client.internal.order.OrderBook> books) {
        }

        private dev.dtcharness.client.internal.order.OrderBook hidden() {
            return null;
        }
    }

    private static List<String> leaks(Class<?> c) {
        List<String> out = new ArrayList<>();
        String name = c.getSimpleName();
        check(out, name + " extends", c.getGenericSuperclass());
        for (Type t : c.getGenericInterfaces()) {
            check(out, name + " implements", t);
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (Modifier.isPublic(k.getModifiers()) || Modifier.isProtected(k.getModifiers())) {
                for (Type t : k.getGenericParameterTypes()) {
                    check(out, name + " constructor parameter", t);
                }
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (m.isSynthetic() || !(Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()))) {
                continue;
            }
            check(out, name + "." + m.getName() + "() returns", m.getGenericReturnType());
            for (Type t : m.getGenericParameterTypes()) {
                check(out, name + "." + m.getName() + " parameter", t);
            }
            for (Type t : m.getGenericExceptionTypes()) {
                check(out, name + "." + m.getName() + " throws", t);
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (!f.isSynthetic() && (Modifier.isPublic(f.getModifiers()) || Modifier.isProtected(f.getModifiers()))) {
                check(out, name + "." + f.getName() + " field", f.getGenericType());
            }
        }
        return out;
    }

    private static void check(List<String> out, String where, Type t) {
        if (t != null && mentionsInternal(t, 0)) {
            out.add(where + " " + t.getTypeName());
        }
    }

    private static boolean mentionsInternal(Type t, int depth) {
        if (depth > 8) {
            return false;
        }
        if (t instanceof Class<?> c) {
            Class<?> e = c;
            while (e.isArray()) {
                e = e.getComponentType();
            }
            return e.getPackageName().startsWith(INTERNAL);
        }
        if (t instanceof ParameterizedType p) {
            if (mentionsInternal(p.getRawType(), depth + 1)) {
                return true;
            }
            for (Type a : p.getActualTypeArguments()) {
                if (mentionsInternal(a, depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        if (t instanceof WildcardType w) {
            return Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
                    .anyMatch(b -> mentionsInternal(b, depth + 1));
        }
        if (t instanceof GenericArrayType g) {
            return mentionsInternal(g.getGenericComponentType(), depth + 1);
        }
        if (t instanceof TypeVariable<?> v) {
            return Stream.of(v.getBounds()).anyMatch(b -> mentionsInternal(b, depth + 1));
        }
        return false;
    }

    /** The public types (nested ones too) compiled into the API package itself, not its sub-packages. */
    private static List<Class<?>> apiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(DtcClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = classes.resolve(API.replace('.', '/'));
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String file = f.getFileName().toString();
                Class<?> c = Class.forName(API + "." + file.substring(0, file.length() - ".class".length()), false,
                        ApiSurfaceTest.class.getClassLoader());
                if (!c.isSynthetic() && !c.isAnonymousClass() && Modifier.isPublic(c.getModifiers())) {
                    types.add(c);
                }
            }
        }
        return types;
    }
}

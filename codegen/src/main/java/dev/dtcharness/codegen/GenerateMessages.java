package dev.dtcharness.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Writes protocol's typed messages, their views, the spec's enums and the factory DtcMessage makes them
 * with, from dtc-v8.json, into a source directory the build compiles. Run by protocol's build
 * ({@code generate-sources}); the output lives under {@code target/} and is never edited by hand.
 */
public final class GenerateMessages {
    static final String ROOT_PACKAGE = "dev.dtcharness.protocol";
    static final String MESSAGE_PACKAGE = ROOT_PACKAGE + ".message";
    static final String ENUM_PACKAGE = ROOT_PACKAGE + ".enums";

    private GenerateMessages() {
    }

    /** Arguments: the spec file, the output source directory (emptied first, so no stale type survives). */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: GenerateMessages <dtc-v8.json> <output source directory>");
        }
        Path out = Path.of(args[1]);
        List<JavaFile> files = generate(SpecModel.read(Path.of(args[0])));
        emptied(out);
        for (JavaFile f : files) {
            f.writeToPath(out);
        }
        System.out.println("[codegen] " + files.size() + " types from " + args[0] + " into " + out);
    }

    static List<JavaFile> generate(SpecModel spec) {
        List<JavaFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SpecModel.Enum e : spec.enums().values()) {
            files.add(unique(names, EnumWriter.write(e, spec)));
        }
        for (SpecModel.Message m : spec.messages()) {
            for (JavaFile f : MessageWriter.write(m, spec)) {
                files.add(unique(names, f));
            }
        }
        files.add(factory(spec));
        return files;
    }

    /** The one place a spec becomes its typed class: DtcMessage.of asks it, and every codec decodes through that. */
    private static JavaFile factory(SpecModel spec) {
        CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch (spec.type())");
        for (SpecModel.Message m : spec.messages()) {
            ClassName c = ClassName.get(MESSAGE_PACKAGE, JavaNames.typeName(m.name()));
            body.addStatement("case $L: return spec == $T.SPEC ? new $T() : null", m.type(), c, c);
        }
        body.addStatement("default: return null").endControlFlow();
        TypeSpec type = TypeSpec.classBuilder("TypedMessageFactory")
                .addModifiers(Modifier.FINAL)
                .addJavadoc("Makes the typed message of a DTC v8 spec; generated from dtc-v8.json: not to be edited.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("create").addModifiers(Modifier.STATIC)
                        .returns(MessageWriter.DTC_MESSAGE)
                        .addParameter(MessageWriter.MESSAGE_SPEC, "spec")
                        .addJavadoc("A new, empty typed message for {@code spec}, or null for a spec that is not DTC v8's own.\n")
                        .addCode(body.build()).build())
                .build();
        return JavaFile.builder(ROOT_PACKAGE, type).skipJavaLangImports(true).indent("    ").build();
    }

    private static JavaFile unique(Set<String> names, JavaFile f) {
        if (!names.add(f.typeSpec().name())) {
            throw new IllegalArgumentException("two generated types named " + f.typeSpec().name());
        }
        return f;
    }

    private static void emptied(Path out) throws IOException {
        if (Files.exists(out)) {
            try (Stream<Path> all = Files.walk(out)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(out)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(out);
    }
}

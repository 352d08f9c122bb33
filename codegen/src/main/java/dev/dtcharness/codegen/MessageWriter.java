package dev.dtcharness.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * One spec message as two types: {@code XxxView}, the read-only accessors any holder may call, and
 * {@code Xxx}, the message itself (a DtcMessage of that spec) with its setters. A method that may read a
 * message but not keep it takes the view; keeping one takes {@code copy()}.
 */
final class MessageWriter {
    static final ClassName DTC_MESSAGE = ClassName.get(GenerateMessages.ROOT_PACKAGE, "DtcMessage");
    static final ClassName MESSAGE_VIEW = ClassName.get(GenerateMessages.ROOT_PACKAGE, "MessageView");
    static final ClassName MESSAGE_SPEC = ClassName.get(GenerateMessages.ROOT_PACKAGE + ".spec", "MessageSpec");
    static final ClassName FIELD_SPEC = ClassName.get(GenerateMessages.ROOT_PACKAGE + ".spec", "FieldSpec");
    static final ClassName DTC_SPEC = ClassName.get(GenerateMessages.ROOT_PACKAGE + ".spec", "DtcSpec");

    private MessageWriter() {
    }

    static List<JavaFile> write(SpecModel.Message m, SpecModel spec) {
        String name = JavaNames.typeName(m.name());
        ClassName self = ClassName.get(GenerateMessages.MESSAGE_PACKAGE, name);
        ClassName view = ClassName.get(GenerateMessages.MESSAGE_PACKAGE, name + "View");
        String where = "{@code " + m.name() + "} (" + m.type() + ")";

        TypeSpec.Builder cls = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(DTC_MESSAGE)
                .addSuperinterface(view)
                .addJavadoc("DTC v8 $L with a setter per field; generated from dtc-v8.json: not to be edited.\n", where)
                .addField(FieldSpec.builder(MESSAGE_SPEC, "SPEC", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.v8().message($S)", DTC_SPEC, m.name()).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("An empty $L: every field reads as the spec's default.\n", m.name())
                        .addStatement("super(SPEC)").build());
        TypeSpec.Builder iface = TypeSpec.interfaceBuilder(view)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(MESSAGE_VIEW)
                .addJavadoc("What may be read of a DTC v8 $L, by a holder that may not keep it without {@link #copy()};\n"
                        + "generated from dtc-v8.json: not to be edited.\n", where);

        Set<String> names = new HashSet<>(Set.of("SPEC"));
        Set<String> methods = new HashSet<>();
        for (SpecModel.Field f : m.fields()) {
            String constant = JavaNames.constant(f.name());
            if (!names.add(constant)) {
                throw new IllegalArgumentException(m.name() + "." + f.name() + ": handle " + constant + " is taken");
            }
            cls.addField(FieldSpec.builder(FIELD_SPEC, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer("SPEC.field($S)", f.name()).build());
            FieldType t = FieldType.of(f.ctype(), spec);
            String getter = JavaNames.accessor(f.name());
            String doc = "{@code " + m.name() + "." + f.name() + "}, {@code " + f.ctype() + "}";
            addGetter(iface, methods, getter, t, self, constant, doc);
            addSetter(cls, methods, JavaNames.setter(f.name()), t, self, constant, doc);
        }
        iface.addMethod(MethodSpec.methodBuilder("copy").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addAnnotation(Override.class).returns(self)
                .addJavadoc("An owned copy, which the holder may keep and change.\n").build());
        cls.addMethod(MethodSpec.methodBuilder("copy").addModifiers(Modifier.PUBLIC).addAnnotation(Override.class)
                .returns(self).addStatement("return ($T) super.copy()", self).build());
        cls.addMethod(MethodSpec.methodBuilder("clear").addModifiers(Modifier.PUBLIC).addAnnotation(Override.class)
                .returns(self).addStatement("super.clear()").addStatement("return this").build());
        return List.of(file(cls.build()), file(iface.build()));
    }

    private static void addGetter(TypeSpec.Builder iface, Set<String> methods, String getter, FieldType t,
                                  ClassName owner, String constant, String doc) {
        switch (t.read()) {
            case INT -> iface.addMethod(getter(methods, getter, TypeName.INT, doc)
                    .addStatement("return (int) getLong($T.$L)", owner, constant).build());
            case LONG -> iface.addMethod(getter(methods, getter, TypeName.LONG, doc)
                    .addStatement("return getLong($T.$L)", owner, constant).build());
            case DOUBLE -> iface.addMethod(getter(methods, getter, TypeName.DOUBLE, doc)
                    .addStatement("return getDouble($T.$L)", owner, constant).build());
            case STRING -> iface.addMethod(getter(methods, getter, t.java(), doc)
                    .addStatement("return getString($T.$L)", owner, constant).build());
            case ENUM -> {
                iface.addMethod(getter(methods, getter, t.enumType(), doc + "; null for a value the spec does not define")
                        .addStatement("return $T.of(getLong($T.$L))", t.enumType(), owner, constant).build());
                iface.addMethod(getter(methods, getter + "Value", TypeName.INT, doc + ", its value as sent")
                        .addStatement("return (int) getLong($T.$L)", owner, constant).build());
            }
        }
    }

    private static MethodSpec.Builder getter(Set<String> methods, String name, TypeName returns, String doc) {
        if (!methods.add(name + "()")) {
            throw new IllegalArgumentException("two accessors named " + name);
        }
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.DEFAULT).returns(returns)
                .addJavadoc(doc + ".\n");
    }

    private static void addSetter(TypeSpec.Builder cls, Set<String> methods, String setter, FieldType t,
                                  ClassName self, String constant, String doc) {
        switch (t.read()) {
            case INT -> cls.addMethod(setter(methods, setter, self, TypeName.INT, doc)
                    .addStatement("set($L, (long) value)", constant).addStatement("return this").build());
            case LONG -> cls.addMethod(setter(methods, setter, self, TypeName.LONG, doc)
                    .addStatement("set($L, value)", constant).addStatement("return this").build());
            case DOUBLE -> cls.addMethod(setter(methods, setter, self, TypeName.DOUBLE, doc)
                    .addStatement("set($L, value)", constant).addStatement("return this").build());
            case STRING -> cls.addMethod(setter(methods, setter, self, t.java(), doc + "; null unsets it")
                    .addStatement("set($L, value)", constant).addStatement("return this").build());
            case ENUM -> {
                cls.addMethod(setter(methods, setter, self, t.enumType(), doc + "; null unsets it")
                        .beginControlFlow("if (value == null)")
                        .addStatement("set($L, (String) null)", constant)
                        .nextControlFlow("else")
                        .addStatement("set($L, (long) value.value())", constant)
                        .endControlFlow()
                        .addStatement("return this").build());
                cls.addMethod(setter(methods, setter + "Value", self, TypeName.INT,
                        doc + ", by its value (one the spec may not define: to echo what a peer sent)")
                        .addStatement("set($L, (long) value)", constant).addStatement("return this").build());
            }
        }
    }

    private static MethodSpec.Builder setter(Set<String> methods, String name, ClassName self, TypeName param, String doc) {
        if (!methods.add(name + "(" + param + ")")) {
            throw new IllegalArgumentException("two setters named " + name + " for " + param);
        }
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self)
                .addParameter(param, "value").addJavadoc("Sets " + doc + ".\n");
    }

    private static JavaFile file(TypeSpec type) {
        return JavaFile.builder(GenerateMessages.MESSAGE_PACKAGE, type).skipJavaLangImports(true).indent("    ").build();
    }
}

package dev.dtcharness.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/** One spec enum as a Java enum that knows its wire value and its spec name. */
final class EnumWriter {
    private EnumWriter() {
    }

    static JavaFile write(SpecModel.Enum e, SpecModel spec) {
        String name = JavaNames.enumName(e.name(), spec);
        List<String> javaNames = JavaNames.constants(e.constants().stream().map(SpecModel.Constant::name).toList());
        TypeSpec.Builder type = TypeSpec.enumBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("DTC v8 {@code $L} ($L on the wire), generated from dtc-v8.json: not to be edited.\n", e.name(), e.base());
        CodeBlock.Builder lookup = CodeBlock.builder()
                .beginControlFlow("if (value != (int) value)")
                .addStatement("return null")
                .endControlFlow()
                .beginControlFlow("switch ((int) value)");
        for (int i = 0; i < javaNames.size(); i++) {
            SpecModel.Constant c = e.constants().get(i);
            type.addEnumConstant(javaNames.get(i), TypeSpec.anonymousClassBuilder("$L, $S", c.value(), c.name()).build());
            lookup.addStatement("case $L: return $L", c.value(), javaNames.get(i));
        }
        lookup.addStatement("default: return null").endControlFlow();
        type.addField(FieldSpec.builder(TypeName.INT, "value", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(String.class, "specName", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(TypeName.INT, "value").addParameter(String.class, "specName")
                        .addStatement("this.value = value").addStatement("this.specName = specName").build())
                .addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC).returns(TypeName.INT)
                        .addJavadoc("The value on the wire.\n").addStatement("return value").build())
                .addMethod(MethodSpec.methodBuilder("specName").addModifiers(Modifier.PUBLIC).returns(String.class)
                        .addJavadoc("The constant's name in the spec, as DTC's JSON encoding and documentation spell it.\n")
                        .addStatement("return specName").build())
                .addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(com.palantir.javapoet.ClassName.get(GenerateMessages.ENUM_PACKAGE, name))
                        .addParameter(TypeName.LONG, "value")
                        .addJavadoc("The constant with this wire value, or null for a value the spec does not define.\n")
                        .addCode(lookup.build()).build());
        return JavaFile.builder(GenerateMessages.ENUM_PACKAGE, type.build()).skipJavaLangImports(true).indent("    ").build();
    }
}

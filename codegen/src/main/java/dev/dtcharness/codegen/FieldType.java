package dev.dtcharness.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/**
 * The Java type an accessor gives for a field's C type: the same widths DtcMessage holds them in
 * (protocol's WireKind), so a typed accessor reads the same slot the untyped one does.
 */
record FieldType(TypeName java, Read read, ClassName enumType) {
    enum Read { INT, LONG, DOUBLE, STRING, ENUM }

    static FieldType of(String ctype, SpecModel spec) {
        SpecModel.Enum e = spec.enums().get(ctype);
        if (e != null) {
            ClassName type = ClassName.get(GenerateMessages.ENUM_PACKAGE, JavaNames.enumName(e.name(), spec));
            return new FieldType(type, Read.ENUM, type);
        }
        return switch (ctype) {
            case "int8_t", "uint8_t", "int16_t", "uint16_t", "int32_t" -> new FieldType(TypeName.INT, Read.INT, null);
            case "uint32_t", "t_DateTime4Byte", "int64_t", "uint64_t", "t_DateTime", "t_DateTimeWithMillisecondsInt",
                    "t_DateTimeWithMicrosecondsInt" -> new FieldType(TypeName.LONG, Read.LONG, null);
            case "float", "double", "t_DateTimeWithMilliseconds" -> new FieldType(TypeName.DOUBLE, Read.DOUBLE, null);
            case "char" -> new FieldType(ClassName.get(String.class), Read.STRING, null);
            default -> throw new IllegalArgumentException("unknown C type in the spec: " + ctype);
        };
    }
}

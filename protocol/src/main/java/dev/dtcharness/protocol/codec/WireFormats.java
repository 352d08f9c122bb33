package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.spec.DtcSpec;

/** The one shared, stateless format per implemented encoding. */
public final class WireFormats {
    private static final BinaryFormat BINARY = new BinaryFormat(DtcSpec.v8());
    private static final VlsFormat VLS = new VlsFormat(DtcSpec.v8());
    private static final JsonFormat JSON = new JsonFormat(DtcSpec.v8());
    private static final JsonFormat JSON_COMPACT = JsonFormat.compact(DtcSpec.v8());

    private WireFormats() {
    }

    /** The format of an encoding; Protocol Buffers is named by DTC but not implemented here. */
    public static WireFormat of(DtcEncoding encoding) {
        return switch (encoding) {
            case BINARY_ENCODING -> BINARY;
            case BINARY_WITH_VARIABLE_LENGTH_STRINGS -> VLS;
            case JSON_ENCODING -> JSON;
            case JSON_COMPACT_ENCODING -> JSON_COMPACT;
            case PROTOCOL_BUFFERS -> throw new IllegalArgumentException(
                    "PROTOCOL_BUFFERS is not implemented (binary, VLS, JSON and compact JSON are)");
        };
    }
}

package dev.dtcharness.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.protocol.spec.MessageSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VlsFormatTest {
    private final DtcSpec spec = DtcSpec.v8();
    private final VlsFormat vls = new VlsFormat(spec);

    /** Struct sizes FACTS.md 1.2 computed by compiling DTCProtocolVLS.h with g++. */
    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({"LOGON_REQUEST, 56", "LOGON_RESPONSE, 52", "ORDER_UPDATE, 216", "SUBMIT_NEW_SINGLE_ORDER, 104",
        "CANCEL_ORDER, 18", "CANCEL_REPLACE_ORDER, 80", "OPEN_ORDERS_REQUEST, 24", "TRADE_ACCOUNT_RESPONSE, 24",
        "LOGOFF, 12"})
    void shouldLayOutTheFixedPartAsTheVlsHeaderDoes(String message, int baseSize) {
        assertThat(vls.baseSize(spec.message(message))).isEqualTo(baseSize);
    }

    @ParameterizedTest(name = "{0}.{1} at {2}")
    @CsvSource({"LOGON_REQUEST, ProtocolVersion, 8", "LOGON_REQUEST, Username, 12",
        "LOGON_REQUEST, HeartbeatIntervalInSeconds, 32", "ORDER_UPDATE, OrderStatus, 44",
        "ORDER_UPDATE, OrderUpdateReason, 48", "ORDER_UPDATE, Price1, 64", "ORDER_UPDATE, NoOrders, 164"})
    void shouldPlaceFieldsAtTheCompiledOffsets(String message, String field, int offset) {
        MessageSpec m = spec.message(message);
        assertThat(vls.offset(m.field(field), m)).isEqualTo(offset);
    }

    @Test
    void shouldAppendStringsInFieldOrderWithLengthsCountingTheNul() {
        DtcMessage logoff = DtcMessage.of("LOGOFF").set("Reason", "bye").set("DoNotReconnect", 1);
        ByteBuf wire = Unpooled.buffer();
        vls.writeFrame(logoff, wire);
        // 12-byte fixed part, then "bye\0": Size 16, Type 5, BaseSize 12, slot {Offset 12, Length 4}.
        assertThat(wire.readableBytes()).isEqualTo(16);
        assertThat(wire.getUnsignedShortLE(0)).isEqualTo(16);
        assertThat(wire.getUnsignedShortLE(2)).isEqualTo(5);
        assertThat(wire.getUnsignedShortLE(4)).isEqualTo(12);
        assertThat(wire.getUnsignedShortLE(6)).isEqualTo(12);
        assertThat(wire.getUnsignedShortLE(8)).isEqualTo(4);
        assertThat(wire.getByte(10)).isEqualTo((byte) 1);
        assertThat(wire.toString(12, 4, StandardCharsets.ISO_8859_1)).isEqualTo("bye\0");
        assertThat(vls.decode(wire)).isEqualTo(logoff);
        wire.release();
    }

    @Test
    void shouldRefuseAStringSlotPointingOutsideTheMessage() {
        ByteBuf wire = Unpooled.buffer().writeShortLE(12).writeShortLE(5).writeShortLE(12)
                .writeShortLE(200).writeShortLE(10).writeZero(2);
        assertThatThrownBy(() -> vls.decode(wire))
                .isInstanceOf(DtcCodecException.class)
                .hasMessage("LOGOFF.Reason: VLS string at Offset 200 Length 10 (expected: inside the message's Size of 12 bytes)");
        wire.release();
    }
}

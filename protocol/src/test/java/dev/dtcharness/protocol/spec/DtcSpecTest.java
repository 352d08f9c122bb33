package dev.dtcharness.protocol.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DtcSpecTest {
    private final DtcSpec spec = DtcSpec.v8();

    @Test
    void shouldLoadEveryMessageBodyOfDtcV8() {
        assertThat(spec.protocolVersion()).isEqualTo(8);
        assertThat(spec.messages()).hasSize(93);
        assertThat(spec.message("ORDER_UPDATE").binarySize()).isEqualTo(720);
        assertThat(spec.message("SUBMIT_NEW_SINGLE_ORDER").binarySize()).isEqualTo(296);
    }

    @Test
    void shouldKnowTheNumbersPeopleGetWrong() {
        assertThat(spec.typeOf("SUBMIT_NEW_SINGLE_ORDER")).isEqualTo(208);
        assertThat(spec.typeOf("OPEN_ORDERS_REQUEST")).isEqualTo(300);
        assertThat(spec.typeOf("CANCEL_ORDER")).isEqualTo(203);
        assertThat(spec.enumValue("OrderStatusEnum", "ORDER_STATUS_FILLED")).isEqualTo(7);
        assertThat(spec.enumValue("OrderStatusEnum", "ORDER_STATUS_PENDING_CHILD")).isEqualTo(3);
        assertThat(spec.enumValue("BuySellEnum", "BUY")).isEqualTo(1);
    }

    @Test
    void shouldKeepEveryFieldInsideItsMessage() {
        for (MessageSpec m : spec.messages()) {
            for (FieldSpec f : m.fields()) {
                assertThat(f.offset() + f.size()).as(m.name() + "." + f.name()).isLessThanOrEqualTo(m.binarySize());
                if (f.kind() == WireKind.STRING) {
                    assertThat(f.capacity()).as(m.name() + "." + f.name()).isEqualTo(f.size());
                } else {
                    assertThat(f.kind().size()).as(m.name() + "." + f.name()).isEqualTo(f.size());
                }
            }
        }
    }

    @Test
    void shouldResolveDefaultsFromTheSpec() {
        MessageSpec orderUpdate = spec.message("ORDER_UPDATE");
        assertThat(orderUpdate.field("Price1").defaultValue()).isEqualTo(Double.MAX_VALUE);
        assertThat(orderUpdate.field("OrderStatus").defaultValue()).isEqualTo(0L);
        MessageSpec logonResponse = spec.message("LOGON_RESPONSE");
        assertThat(logonResponse.field("ProtocolVersion").defaultValue()).isEqualTo(8L);
        assertThat(logonResponse.field("OrderCancelReplaceSupported").defaultValue()).isEqualTo(1L);
        assertThat(spec.message("ENCODING_REQUEST").field("ProtocolType").defaultValue()).isEqualTo("DTC");
    }

    @Test
    void shouldNameWhatIsMissingInPlainWords() {
        assertThatThrownBy(() -> spec.message("SUBMIT_ORDER")).hasMessage("DTC v8 has no message body named SUBMIT_ORDER");
        assertThatThrownBy(() -> spec.message("ORDER_UPDATE").field("Quantity"))
                .hasMessage("ORDER_UPDATE (301) has no field Quantity");
    }
}

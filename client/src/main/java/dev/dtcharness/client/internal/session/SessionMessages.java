package dev.dtcharness.client.internal.session;

import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.DtcSpec;
import java.time.Instant;

/** The session messages the client sends (FACTS 1.7, 2), built by field name from the spec. */
final class SessionMessages {
    private SessionMessages() {
    }

    static DtcMessage encodingRequest(DtcEncoding encoding) {
        return DtcMessage.of("ENCODING_REQUEST")
                .set("ProtocolVersion", DtcSpec.v8().protocolVersion())
                .set("Encoding", encoding.code())
                .set("ProtocolType", "DTC");
    }

    static DtcMessage logonRequest(DtcClientConfig config) {
        DtcMessage m = DtcMessage.of("LOGON_REQUEST")
                .set("ProtocolVersion", DtcSpec.v8().protocolVersion())
                .set("HeartbeatIntervalInSeconds", config.connection().heartbeatIntervalSeconds())
                .set("ClientName", config.logon().clientName());
        setIfNotEmpty(m, "Username", config.logon().username());
        setIfNotEmpty(m, "Password", config.logon().password());
        setIfNotEmpty(m, "TradeAccount", config.logon().logonTradeAccount());
        return m;
    }

    static DtcMessage heartbeat() {
        return DtcMessage.of("HEARTBEAT").set("NumDroppedMessages", 0).set("CurrentDateTime", Instant.now().getEpochSecond());
    }

    /** A LOGOFF that leaves the server free to expect us back (DoNotReconnect 0). */
    public static DtcMessage logoff(String reason) {
        return DtcMessage.of("LOGOFF").set("Reason", reason).set("DoNotReconnect", 0);
    }

    private static void setIfNotEmpty(DtcMessage m, String field, String value) {
        if (!value.isEmpty()) {
            m.set(field, value);
        }
    }
}

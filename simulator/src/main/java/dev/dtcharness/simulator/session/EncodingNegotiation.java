package dev.dtcharness.simulator.session;

import dev.dtcharness.protocol.DtcEncoding;
import dev.dtcharness.protocol.message.EncodingRequestView;
import dev.dtcharness.protocol.message.EncodingResponse;
import dev.dtcharness.protocol.codec.DtcCodec;
import dev.dtcharness.protocol.spec.DtcSpec;
import dev.dtcharness.simulator.SimulatorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the encoding request sequence (FACTS.md 1.7): grant an implemented encoding,
 * refuse any other by answering with the current one, and switch only after the answer is written.
 */
final class EncodingNegotiation {
    private static final Logger LOG = LoggerFactory.getLogger(EncodingNegotiation.class);

    private EncodingNegotiation() {
    }

    /** Must run on the channel's event loop, so the response is encoded before the codec switches. */
    static void answer(Session session, DtcCodec codec, EncodingRequestView request, SimulatorConfig config) {
        int code = request.encodingValue();
        DtcEncoding requested = DtcEncoding.ofCode(code);
        DtcEncoding current = codec.outboundEncoding();
        // A server preset to one encoding still answers, with that encoding (FACTS.md 1.7 step 3).
        boolean grantable = requested != null && requested.isImplemented() && config.connection().presetEncoding() == null
                && !config.connection().refusedEncodings().contains(requested);
        DtcEncoding granted = grantable ? requested : current;
        EncodingResponse response = new EncodingResponse()
                .setProtocolVersion(DtcSpec.v8().protocolVersion())
                .setEncodingValue(granted.code())
                .setProtocolType("DTC");
        // The response goes out in the old encoding; every later byte, both ways, in the granted one.
        session.send(response);
        codec.switchTo(granted);
        String asked = requested == null ? code + " (not an EncodingEnum value)" : requested + " (" + code + ")";
        if (granted == requested) {
            LOG.info("{}: encoding {} granted (asked in {})", session.label(), granted, current);
        } else {
            LOG.info("{}: encoding {} refused, staying in {}", session.label(), asked, granted);
        }
    }
}

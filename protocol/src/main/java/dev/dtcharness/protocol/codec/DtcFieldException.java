package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.DtcMessage;

/**
 * A delimited, parseable message with a field the spec does not allow, such as
 * {@code "BuySell":"BUY"}. The frame was consumed, so the session can go on; {@link #partial()}
 * holds every field that did decode (ClientOrderID, for example) so the receiver can answer
 * with a reject that names the request.
 */
public class DtcFieldException extends DtcCodecException {
    private final transient DtcMessage partial;

    public DtcFieldException(String message, DtcMessage partial) {
        super(message, false);
        this.partial = partial;
    }

    public DtcMessage partial() {
        return partial;
    }
}

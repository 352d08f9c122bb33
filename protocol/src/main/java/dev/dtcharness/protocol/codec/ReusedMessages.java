package dev.dtcharness.protocol.codec;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.spec.MessageSpec;
import java.util.function.Predicate;

/**
 * Where a decoder puts each frame: for the message types {@code lettingGo} accepts at that moment, into
 * one message kept per type, each frame's fields written over the last one's; for all others, into a new message. Only for a channel
 * whose readers, for those types, are all known to look at a message and let go of it before the next
 * frame is decoded (Netty hands each decoded message down the pipeline before decoding the next).
 *
 * <p>The rule that keeps a reader from seeing a message change under it: {@code lettingGo} is asked for
 * every frame, and when it refuses a type, the message kept for that type is dropped, never written
 * again, so a reader who began keeping messages keeps the last shared one intact. Not thread-safe:
 * one per channel, used on its event loop.
 */
public final class ReusedMessages {
    /** A few types are worth it (an order's updates); more would be a lookup per frame. */
    private static final int KEPT = 4;

    private final Predicate<MessageSpec> lettingGo;
    private final DtcMessage[] kept = new DtcMessage[KEPT];

    public ReusedMessages(Predicate<MessageSpec> lettingGo) {
        this.lettingGo = lettingGo;
    }

    /** The message to decode a frame of type {@code spec} into; it may still hold the previous frame of that type. */
    DtcMessage messageFor(MessageSpec spec) {
        boolean reuse = lettingGo.test(spec);
        for (int i = 0; i < KEPT; i++) {
            DtcMessage m = kept[i];
            if (m != null && m.spec() == spec) {
                if (reuse) {
                    // Not cleared here: a whole frame overwrites every field (clearing it first was a cost on
                    // the client's loop for nothing), and the decoder clears before a shorter one.
                    return m;
                }
                kept[i] = null;
                return DtcMessage.of(spec);
            }
        }
        DtcMessage m = DtcMessage.of(spec);
        if (reuse) {
            for (int i = 0; i < KEPT; i++) {
                if (kept[i] == null) {
                    kept[i] = m;
                    break;
                }
            }
        }
        return m;
    }
}

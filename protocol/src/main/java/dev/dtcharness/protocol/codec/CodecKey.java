package dev.dtcharness.protocol.codec;

/**
 * What the codecs show {@link dev.dtcharness.protocol.MessageSlots} to write a message's slots unchecked: only
 * this package can name the one key, so no other code can write a value a setter would refuse.
 */
public final class CodecKey {
    static final CodecKey KEY = new CodecKey();

    private CodecKey() {
    }
}

package dev.dtcharness.protocol;

/**
 * The one way a holder keeps a message it was lent past the call that lent it: the journal's ring, a
 * fault that holds updates back, a queue to another event loop. Each takes what it is given as a
 * {@link MessageView} (or as a pipeline's {@code Object}) and stores only what this class returns, an owned
 * {@link DtcMessage}, so keeping a lent message without a copy does not compile: a view is not a DtcMessage.
 */
public final class KeptCopy {
    private KeptCopy() {
    }

    /** An owned copy of {@code lent}, which the lender may fill again as soon as this returns. */
    public static DtcMessage of(MessageView lent) {
        return lent.copy();
    }

    /**
     * {@code lent} written over {@code reusable} when that is a message of the same spec (a ring's slot
     * coming round), else a new copy: the same guarantee as {@link #of} without a message per copy.
     */
    public static DtcMessage into(MessageView lent, DtcMessage reusable) {
        return reusable != null && reusable.spec() == lent.spec() ? lent.copyTo(reusable) : lent.copy();
    }

    /**
     * What a pipeline handler keeps of a write it holds back: a copy when it is a message, anything else
     * (bytes, which are released by their reader, or a control object) as it is. Only this method makes a
     * {@link Write}, so a handler that holds {@code Write}s cannot hold a lent message by mistake.
     */
    public static Write ofWrite(Object write) {
        return new Write(write instanceof DtcMessage lent ? lent.copy() : write);
    }

    /** A pipeline write as a holder may keep it: see {@link #ofWrite}. */
    public static final class Write {
        private final Object message;

        private Write(Object message) {
            this.message = message;
        }

        /** The kept object, to write on when the holder lets it go (or to release). */
        public Object message() {
            return message;
        }
    }
}

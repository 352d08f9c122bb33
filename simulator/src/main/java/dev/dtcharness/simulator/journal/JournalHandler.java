package dev.dtcharness.simulator.journal;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.MessageView;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/** Records each decoded inbound and each outbound message of one session; passes everything on. */
public final class JournalHandler extends ChannelDuplexHandler {
    private final Journal journal;
    private final int sessionId;

    public JournalHandler(Journal journal, int sessionId) {
        this.journal = journal;
        this.sessionId = sessionId;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DtcMessage m) {
            journal.received(sessionId, m);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // Outbound messages may be lent (the exchange's reused updates): the journal keeps its own copy.
        if (msg instanceof DtcMessage m) {
            journal.sent(sessionId, m);
        }
        ctx.write(msg, promise);
    }
}

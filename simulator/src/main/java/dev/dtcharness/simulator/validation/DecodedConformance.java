package dev.dtcharness.simulator.validation;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.codec.DtcCodec;
import dev.dtcharness.protocol.conformance.ConformanceChecker;
import dev.dtcharness.protocol.conformance.Direction;
import dev.dtcharness.protocol.conformance.Finding;
import dev.dtcharness.protocol.spec.DtcSpec;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sits right after the codec and checks what each message decoded from a fixed-size binary frame says
 * (direction, enum ranges, string capacities, the known confusions). The {@link ConformanceTap} before
 * the codec checks such frames only as bytes: decoding every order a second time there was a cost
 * the simulator's thread paid on every order under load. Messages in other encodings were checked in full by the tap.
 */
public final class DecodedConformance extends ChannelInboundHandlerAdapter {
    public static final String NAME = "decoded-conformance";
    private static final ConformanceChecker CHECKER = new ConformanceChecker(DtcSpec.v8());

    private final DtcCodec codec;
    private final Consumer<List<Finding>> report;

    /** @param codec the codec before this handler: its inbound encoding is that of the message being read */
    public DecodedConformance(DtcCodec codec, Consumer<List<Finding>> report) {
        this.codec = codec;
        this.report = report;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DtcMessage m && ConformanceChecker.leavesValuesToDecoded(codec.inboundEncoding())) {
            List<Finding> findings = CHECKER.checkDecoded(m, Direction.CLIENT_TO_SERVER, true);
            if (!findings.isEmpty()) {
                report.accept(findings);
            }
        }
        ctx.fireChannelRead(msg);
    }
}

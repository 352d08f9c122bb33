package dev.dtcharness.simulator.session;

import dev.dtcharness.simulator.SimulatorConfig;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Notices a client that sent no message of any kind for N heartbeat intervals (FACTS.md 2.4).
 * It sits after the codec, so it counts decoded messages, not stray bytes.
 */
final class SilenceDetector {
    static final String NAME = "silence";

    private SilenceDetector() {
    }

    static IdleStateHandler create(SimulatorConfig config, int heartbeatSeconds) {
        return new IdleStateHandler(seconds(config, heartbeatSeconds), 0, 0, TimeUnit.SECONDS);
    }

    /** After logon the client's own interval replaces the pre-logon default. */
    static void rearm(ChannelPipeline pipeline, SimulatorConfig config, int heartbeatSeconds) {
        pipeline.replace(NAME, NAME, create(config, heartbeatSeconds));
    }

    static long seconds(SimulatorConfig config, int heartbeatSeconds) {
        return (long) config.missedHeartbeatsBeforeDrop() * heartbeatSeconds;
    }
}

package dev.dtcharness.features.support;

import java.time.Duration;

/** A way the simulator ends the client's session: a clean close or a reset, and maybe refused reconnects for a while. */
public record Disconnect(boolean reset, Duration refuseFor) {
}

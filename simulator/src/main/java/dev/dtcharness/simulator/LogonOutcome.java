package dev.dtcharness.simulator;

import dev.dtcharness.protocol.enums.LogonStatus;

/** What every LOGON_REQUEST is answered with (FACTS.md 2.1); a failed logon is followed by a close. */
public enum LogonOutcome {
    SUCCESS(LogonStatus.SUCCESS),
    ERROR(LogonStatus.ERROR),
    ERROR_NO_RECONNECT(LogonStatus.ERROR_NO_RECONNECT);

    private final LogonStatus result;

    LogonOutcome(LogonStatus result) {
        this.result = result;
    }

    /** The LogonStatusEnum constant sent as LOGON_RESPONSE.Result. */
    public LogonStatus result() {
        return result;
    }
}

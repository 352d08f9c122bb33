package dev.dtcharness.simulator;

/** What every LOGON_REQUEST is answered with (FACTS.md 2.1); a failed logon is followed by a close. */
public enum LogonOutcome {
    SUCCESS("LOGON_SUCCESS"),
    ERROR("LOGON_ERROR"),
    ERROR_NO_RECONNECT("LOGON_ERROR_NO_RECONNECT");

    private final String result;

    LogonOutcome(String result) {
        this.result = result;
    }

    /** The LogonStatusEnum constant sent as LOGON_RESPONSE.Result. */
    public String result() {
        return result;
    }
}

package dev.dtcharness.simulator.exchange;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.simulator.script.Step;

/** A logged-on session for tests of the exchange alone: it drops what it is sent; a test overrides what it watches. */
class QuietSession implements SessionLink {
    private final int id;

    QuietSession() {
        this(1);
    }

    QuietSession(int id) {
        this.id = id;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String label() {
        return "session " + id;
    }

    @Override
    public boolean isLoggedOn() {
        return true;
    }

    @Override
    public void send(DtcMessage m) {
    }

    @Override
    public void fault(Step fault) {
    }
}

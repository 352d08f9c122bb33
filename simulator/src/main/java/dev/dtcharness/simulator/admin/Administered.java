package dev.dtcharness.simulator.admin;

import dev.dtcharness.simulator.FillPolicy;
import dev.dtcharness.simulator.exchange.SimulatedExchange;
import dev.dtcharness.simulator.fault.SimulatorFaults;
import dev.dtcharness.simulator.journal.Journal;
import dev.dtcharness.simulator.session.SessionRegistry;

/**
 * All the admin API acts on: the exchange's orders, fills and scenario, the connected sessions, the
 * fault switches, the journal and a reset. {@code DtcSimulator} implements it; the admin API sees
 * nothing else of the simulator (its ports, its settings, its life cycle).
 */
public interface Administered {
    /** Orders and fills to list, orders to fill, cancel or place elsewhere, the scenario to load or drop. */
    SimulatedExchange exchange();

    /** The connected sessions (listed, counted in the memory report, named by faults). */
    SessionRegistry sessions();

    SimulatorFaults faults();

    Journal journal();

    /** How orders no scenario rule takes are answered: shown while no scenario is loaded. */
    FillPolicy fillPolicy();

    /** Back to a fresh start: no orders, fills, journal, lasting faults or sessions. */
    void reset();
}

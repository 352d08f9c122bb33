package dev.dtcharness.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link DtcSimulator}; immutable, each {@code name(value)} call returns a changed copy:
 * {@code SimulatorConfig.defaults().port(0).marketPrice("ES", 4500.25)}.
 *
 * @param host                       address to bind, {@code 127.0.0.1} by default
 * @param port                       port to bind, 11099 (Sierra Chart's default) by default; 0 picks a free one
 * @param serverName                 sent as LOGON_RESPONSE.ServerName
 * @param acceptVariant              how a new order is acknowledged before it fills
 * @param missedHeartbeatsBeforeDrop a session silent for this many heartbeat intervals is closed
 * @param marketPrices               fill price of market orders, by symbol
 * @param defaultMarketPrice         fill price of market orders for symbols not in {@code marketPrices}
 */
public record SimulatorConfig(String host, int port, String serverName, AcceptVariant acceptVariant,
                              int missedHeartbeatsBeforeDrop, Map<String, Double> marketPrices,
                              double defaultMarketPrice) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 11099;
    public static final String DEFAULT_SERVER_NAME = "DTC Harness Simulator";
    public static final double DEFAULT_MARKET_PRICE = 100.0;

    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(acceptVariant, "acceptVariant");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " (expected: 0 for any free port, or 1 to 65535)");
        }
        if (missedHeartbeatsBeforeDrop < 1) {
            throw new IllegalArgumentException("missedHeartbeatsBeforeDrop " + missedHeartbeatsBeforeDrop
                    + " (expected: at least 1)");
        }
        marketPrices = Map.copyOf(marketPrices);
    }

    /** Loopback, port 11099, orders acknowledged PENDING_OPEN then OPEN, sessions dropped after 2 silent intervals. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_SERVER_NAME, AcceptVariant.PENDING_OPEN_THEN_OPEN,
                2, Map.of(), DEFAULT_MARKET_PRICE);
    }

    public SimulatorConfig host(String newHost) {
        return new SimulatorConfig(newHost, port, serverName, acceptVariant, missedHeartbeatsBeforeDrop,
                marketPrices, defaultMarketPrice);
    }

    public SimulatorConfig port(int newPort) {
        return new SimulatorConfig(host, newPort, serverName, acceptVariant, missedHeartbeatsBeforeDrop,
                marketPrices, defaultMarketPrice);
    }

    /** Any free port; {@link DtcSimulator#port()} tells which one was bound. */
    public SimulatorConfig dynamicPort() {
        return port(0);
    }

    public SimulatorConfig serverName(String newServerName) {
        return new SimulatorConfig(host, port, newServerName, acceptVariant, missedHeartbeatsBeforeDrop,
                marketPrices, defaultMarketPrice);
    }

    public SimulatorConfig acceptVariant(AcceptVariant newVariant) {
        return new SimulatorConfig(host, port, serverName, newVariant, missedHeartbeatsBeforeDrop,
                marketPrices, defaultMarketPrice);
    }

    public SimulatorConfig missedHeartbeatsBeforeDrop(int missed) {
        return new SimulatorConfig(host, port, serverName, acceptVariant, missed, marketPrices, defaultMarketPrice);
    }

    /** Market orders for {@code symbol} fill at {@code price}. */
    public SimulatorConfig marketPrice(String symbol, double price) {
        Map<String, Double> prices = new HashMap<>(marketPrices);
        prices.put(symbol, price);
        return new SimulatorConfig(host, port, serverName, acceptVariant, missedHeartbeatsBeforeDrop, prices,
                defaultMarketPrice);
    }

    public SimulatorConfig defaultMarketPrice(double price) {
        return new SimulatorConfig(host, port, serverName, acceptVariant, missedHeartbeatsBeforeDrop, marketPrices,
                price);
    }

    /** The price a market order for {@code symbol} fills at. */
    public double marketPrice(String symbol) {
        return marketPrices.getOrDefault(symbol, defaultMarketPrice);
    }
}

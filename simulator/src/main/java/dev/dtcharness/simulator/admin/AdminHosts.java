package dev.dtcharness.simulator.admin;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which names a request may use for the admin API: a loopback name, the host the simulator was
 * configured with, or the address the request actually arrived on. A name a DNS-rebinding page
 * uses (its own domain, now pointing at 127.0.0.1) is none of these. Nothing here looks a name up:
 * a request's Host is compared as text or as an address literal.
 */
final class AdminHosts {
    private final String configured;
    private final byte[] configuredAddress;

    AdminHosts(String configuredHost) {
        String name = unbracket(configuredHost.toLowerCase(Locale.ROOT));
        byte[] address = NetUtil.createByteArrayFromIpAddressString(name);
        // 0.0.0.0 and :: are where to listen, not a name to call: browsers send them to this machine.
        boolean wildcard = address != null && isZero(address);
        this.configured = wildcard ? null : name;
        this.configuredAddress = wildcard ? null : address;
    }

    /**
     * Whether {@code host} (a Host header's or an Origin's host, without the port; IPv6 in brackets or
     * not) names this admin API: loopback, the configured host, or {@code arrivedOn}.
     */
    boolean allowed(String host, InetAddress arrivedOn) {
        String name = unbracket(host.toLowerCase(Locale.ROOT));
        if (name.equals("localhost") || name.equals(configured)) {
            return true;
        }
        byte[] address = NetUtil.createByteArrayFromIpAddressString(name);
        if (address == null) {
            return false;
        }
        return isLoopback(address) || Arrays.equals(address, configuredAddress)
                || (arrivedOn != null && !arrivedOn.isAnyLocalAddress() && Arrays.equals(address, arrivedOn.getAddress()));
    }

    /** Whether a server bound to {@code bindHost} can be reached from other machines. */
    static boolean beyondLoopback(String bindHost) {
        String name = unbracket(bindHost.toLowerCase(Locale.ROOT));
        if (name.equals("localhost")) {
            return false;
        }
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(name);
        if (literal != null) {
            return !isLoopback(literal);
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(name)) {
                if (!a.isLoopbackAddress()) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static boolean isLoopback(byte[] address) {
        if (address.length == 4) {
            return address[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[15] == 1;
    }

    private static boolean isZero(byte[] address) {
        for (byte b : address) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}

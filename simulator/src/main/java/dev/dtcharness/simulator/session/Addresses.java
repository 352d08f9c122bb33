package dev.dtcharness.simulator.session;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Socket addresses as people write them, "127.0.0.1:5555", without Java's leading slash. */
final class Addresses {
    private Addresses() {
    }

    static String plain(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getHostString() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}

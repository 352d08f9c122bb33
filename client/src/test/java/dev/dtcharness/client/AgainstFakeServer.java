package dev.dtcharness.client;

import org.junit.jupiter.api.AfterEach;

/** A client test against a {@link FakeServer}: each test sets {@code server} and {@code client}; both are closed after it. */
abstract class AgainstFakeServer {
    protected FakeServer server;
    protected DtcClient client;

    @AfterEach
    void closeClientAndServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }
}

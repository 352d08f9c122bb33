package dev.dtcharness.features.reliability;

import static dev.dtcharness.features.assertions.DtcAssertions.assertThat;
import static dev.dtcharness.features.assertions.DtcAssertions.assertThatThrownBy;

import dev.dtcharness.client.DtcClient;
import dev.dtcharness.client.DtcClientConfig;
import dev.dtcharness.client.DtcClientException;
import dev.dtcharness.client.OrderRequest;
import dev.dtcharness.client.Side;
import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.SimulatorConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DTC over TLS on the simulator's DTC port, with a certificate generated for the test. */
class TlsTest {
    private final SelfSignedCertificate certificate = newCertificate();
    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().tls(serverContext()).build());

    @AfterEach
    void stop() {
        simulator.close();
        certificate.delete();
    }

    @Test
    void aClientThatTrustsTheCertificateTradesOverTls() throws Exception {
        SslContext trusting = SslContextBuilder.forClient().trustManager(certificate.cert())
                .endpointIdentificationAlgorithm(null).build();
        try (DtcClient client = new DtcClient(DtcClientConfig.builder().port(simulator.port()).tls(trusting).build())) {
            client.connect();
            assertThat(client.submit(OrderRequest.limit("ES", Side.BUY, 1, 4500.25)).awaitStatus("FILLED", Duration.ofSeconds(10)))
                    .isFilled().at(4500.25);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() throws Exception {
        SslContext defaultTrust = SslContextBuilder.forClient().build();
        try (DtcClient client = new DtcClient(DtcClientConfig.builder().port(simulator.port()).tls(defaultTrust)
                .connectTimeout(Duration.ofSeconds(5)).build())) {
            assertThatThrownBy(client::connect).isInstanceOf(DtcClientException.class);
        }
    }

    @Test
    void aPlainClientOnTheTlsPortGetsNoSession() {
        try (DtcClient client = new DtcClient(DtcClientConfig.builder().port(simulator.port())
                .connectTimeout(Duration.ofSeconds(3)).build())) {
            assertThatThrownBy(client::connect).isInstanceOf(DtcClientException.class);
            assertThat(client.isLoggedOn()).isFalse();
        }
    }

    private SslContext serverContext() {
        try {
            return SslContextBuilder.forServer(certificate.certificate(), certificate.privateKey()).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SelfSignedCertificate newCertificate() {
        try {
            return new SelfSignedCertificate("localhost");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

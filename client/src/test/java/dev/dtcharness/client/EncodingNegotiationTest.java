package dev.dtcharness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dtcharness.protocol.DtcEncoding;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EncodingNegotiationTest extends AgainstFakeServer {
    @Test
    void shouldGiveUpWhenNoEncodingResponseComes() {
        server = new FakeServer((m, peer) -> { }).neverAnswerEncoding();
        client = new DtcClient(DtcClientConfig.builder().port(server.port()).encoding(DtcEncoding.JSON_ENCODING)
                .connectTimeout(Duration.ofMillis(300)).build());

        assertThatThrownBy(client::connect).isInstanceOf(DtcClientException.class)
                .hasMessageContaining("no answer").hasMessageContaining("waiting for ENCODING_RESPONSE");
        assertThat(server.received("LOGON_REQUEST")).as("no logon in an encoding never agreed").isEmpty();
    }

    @Test
    void shouldContinueInTheEncodingTheServerAnswered() {
        server = new FakeServer((m, peer) -> { }).grantOnly(DtcEncoding.BINARY_ENCODING);
        client = new DtcClient(DtcClientConfig.builder().port(server.port()).encoding(DtcEncoding.JSON_ENCODING).build());

        client.connect();

        assertThat(client.isLoggedOn()).isTrue();
        assertThat(server.received("LOGON_REQUEST")).hasSize(1);
        assertThat(client.problems().recent()).singleElement().asString()
                .contains("refused JSON_ENCODING and answered BINARY_ENCODING");
    }
}

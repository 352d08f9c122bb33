package dev.dtcharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every admin parameter is checked: nonsense gets a 400 and a sentence naming it, and does nothing. */
class AdminParameterValidationTest {
    private final DtcSimulator simulator = DtcSimulator.start(SimulatorConfig.builder().dynamicPort().adminPort(0)
            .fillPolicy(FillPolicy.REST_LIMIT_ORDERS).build());
    private final AdminHttp admin = new AdminHttp(simulator.adminPort());

    @AfterEach
    void stop() {
        simulator.close();
    }

    static Stream<Arguments> nonsense() {
        String longText = "x".repeat(96);
        return Stream.of(
                // garbage bytes bounded
                Arguments.of("POST", "/faults/garbage?bytes=0", "", "bytes=0 (expected: a whole number from 1 to 65536)"),
                Arguments.of("POST", "/faults/garbage?bytes=100000000", "", "bytes=100000000 (expected: a whole number from 1 to 65536)"),
                Arguments.of("POST", "/faults/garbage?bytes=99999999999999999999", "", "(expected: a whole number from 1 to 65536)"),
                Arguments.of("POST", "/faults/slice?bytes=-1", "", "bytes=-1 (expected: a whole number from 0 to 65536)"),
                // millis >= 0
                Arguments.of("POST", "/faults/silence?millis=-1", "", "millis=-1 (expected: a whole number from 0 to"),
                Arguments.of("POST", "/faults/refuse?millis=1e3", "", "millis=1e3 (expected: a whole number from 0 to"),
                Arguments.of("POST", "/faults/delay?n=1&millis=-5", "", "millis=-5 (expected: a whole number from 0"),
                // n >= 1
                Arguments.of("POST", "/faults/delay?n=0", "", "n=0 (expected: a whole number from 1 to"),
                Arguments.of("POST", "/faults/duplicate?n=-1", "", "n=-1 (expected: a whole number from 1 to"),
                Arguments.of("POST", "/faults/reorder?n=1.5", "", "n=1.5 (expected: a whole number from 1 to"),
                Arguments.of("GET", "/journal?limit=0", "", "limit=0 (expected: a whole number from 1 to"),
                Arguments.of("POST", "/faults/disconnect?session=-1", "", "session=-1 (expected: a whole number from 0"),
                // prices and quantities finite
                Arguments.of("POST", "/orders/elsewhere", "{\"symbol\":\"ES\",\"side\":\"BUY\",\"quantity\":1,\"price\":1e400}",
                        "price=Infinity (expected: a finite number)"),
                Arguments.of("POST", "/orders/elsewhere", "{\"symbol\":\"ES\",\"side\":\"BUY\",\"quantity\":\"NaN\",\"price\":1}",
                        "quantity=NaN (expected: a finite number more than 0)"),
                Arguments.of("POST", "/orders/elsewhere", "{\"symbol\":\"ES\",\"side\":\"BUY\",\"quantity\":0,\"price\":1}",
                        "quantity=0 (expected: a finite number more than 0)"),
                Arguments.of("POST", "/orders/elsewhere", "{\"symbol\":\"ES\",\"side\":\"HOLD\",\"quantity\":1,\"price\":1}",
                        "side=HOLD (expected: BUY or SELL)"),
                Arguments.of("POST", "/orders/elsewhere", "{\"side\":\"BUY\",\"quantity\":1,\"price\":1}",
                        "parameter 'symbol' is missing"),
                // unknown fields named, repeats and shapes refused
                Arguments.of("POST", "/orders/elsewhere", "{\"symbol\":\"ES\",\"side\":\"BUY\",\"quantity\":1,\"price\":1,\"colour\":\"red\"}",
                        "unknown parameter 'colour' for POST /orders/elsewhere (expected: price, quantity, side, symbol, tradeAccount)"),
                Arguments.of("POST", "/faults/garbage?bytes=4&size=9", "", "unknown parameter 'size' for POST /faults/garbage (expected: bytes, session)"),
                Arguments.of("POST", "/reset?all=true", "", "unknown parameter 'all' for POST /reset (expected: none)"),
                Arguments.of("GET", "/orders?status=open", "", "unknown parameter 'status' for GET /orders (expected: none)"),
                Arguments.of("POST", "/faults/garbage?bytes=1&bytes=2", "", "parameter 'bytes' is given 2 times (expected: once)"),
                Arguments.of("POST", "/faults/garbage?bytes=1", "{\"bytes\":2}", "parameter 'bytes' is given in the query and in the body"),
                Arguments.of("POST", "/faults/garbage", "[16]", "the body is a JSON array (expected: a JSON object of parameters"),
                Arguments.of("POST", "/faults/garbage", "{\"bytes\":{\"n\":1}}", "field 'bytes' is a JSON object"),
                Arguments.of("POST", "/faults/garbage", "bytes=16", "the body is not JSON"),
                Arguments.of("POST", "/faults/logoff", "{\"reason\":\"" + longText + "\"}", "reason of 96 characters (expected: 1 to 95)"),
                Arguments.of("POST", "/scenario", "", "the body is empty (expected: a scenario in JSON or YAML)"),
                Arguments.of("GET", "/memory?gc=yes", "", "gc=yes (expected: true or false)"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("nonsense")
    void nonsenseGetsA400AndASentence(String method, String path, String body, String sentence) {
        HttpResponse<String> answer = admin.send(method, path, body, "Content-Type", "application/json");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains(sentence);
    }

    @Test
    void aFillAtAPriceNoMarketHasDoesNothing() {
        String id = simulator.exchange().placeElsewhere(simulator.exchange().tradeAccounts().get(0), "ES", "BUY", 2, 4500);

        for (String price : new String[] {"NaN", "Infinity", "-Infinity", "1e400", "0x1p3", "4500d", ""}) {
            HttpResponse<String> answer = admin.post("/orders/" + id + "/fill?quantity=1&price=" + price, "");
            assertThat(answer.statusCode()).as(price).isEqualTo(400);
            assertThat(answer.body()).contains("(expected: a finite number)");
        }
        HttpResponse<String> tooMuch = admin.post("/orders/" + id + "/fill", "{\"quantity\":\"Infinity\",\"price\":4500}");
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("quantity=Infinity (expected: a finite number more than 0)");
        assertThat(simulator.exchange().fills()).as("nothing filled").isEmpty();

        assertThat(admin.post("/orders/" + id + "/fill", "{\"quantity\":1,\"price\":4499.75}").statusCode())
                .as("parameters in a JSON body").isEqualTo(200);
        assertThat(admin.post("/orders/" + id + "/fill?price=4499.5", "").statusCode()).as("the rest at a price")
                .isEqualTo(200);
        assertThat(simulator.exchange().fills()).extracting(f -> f.price()).containsExactly(4499.75, 4499.5);
    }

    @Test
    void anUnknownPathOrActionIsNamed() {
        HttpResponse<String> extra = admin.post("/faults/garbage/more", "");
        assertThat(extra.statusCode()).isEqualTo(404);
        assertThat(extra.body()).contains("no admin endpoint POST /faults/garbage/more");
        HttpResponse<String> action = admin.post("/orders/S1/explode", "");
        assertThat(action.statusCode()).isEqualTo(404);
        assertThat(action.body()).contains("no order action 'explode' (expected: fill or cancel)");
    }
}

package dev.dtcharness.features.support;

import dev.dtcharness.client.Side;
import dev.dtcharness.protocol.DtcEncoding;
import io.cucumber.java.ParameterType;
import java.util.Arrays;
import java.util.List;

/** Feature text stays in trading words; these turn the words into protocol values. */
public class ParameterTypes {

    @ParameterType("BUY|SELL")
    public Side side(String side) {
        return Side.valueOf(side);
    }

    @ParameterType("JSON|binary|binary VLS|compact JSON")
    public DtcEncoding encoding(String encoding) {
        return switch (encoding) {
            case "JSON" -> DtcEncoding.JSON_ENCODING;
            case "binary VLS" -> DtcEncoding.BINARY_WITH_VARIABLE_LENGTH_STRINGS;
            case "compact JSON" -> DtcEncoding.JSON_COMPACT_ENCODING;
            default -> DtcEncoding.BINARY_ENCODING;
        };
    }

    /** An OrderStatusEnum constant without its prefix, as people say it: FILLED, PENDING_OPEN. */
    @ParameterType("[A-Z_]+")
    public String orderStatus(String status) {
        return "ORDER_STATUS_" + status;
    }

    /** "PENDING_OPEN, OPEN, FILLED": a sequence of order statuses, in the same words. */
    @ParameterType("[A-Z_]+(?:, [A-Z_]+)+")
    public List<String> orderStatuses(String statuses) {
        return Arrays.stream(statuses.split(", ")).map(this::orderStatus).toList();
    }

    /** How the simulator ends a session: "closes", "resets", "closes and refuses for 2 seconds". */
    @ParameterType("closes|resets|closes and refuses for \\d+ seconds")
    public Disconnect disconnect(String how) {
        if (how.startsWith("closes and refuses for ")) {
            int seconds = Integer.parseInt(how.replaceAll("\\D", ""));
            return new Disconnect(false, java.time.Duration.ofSeconds(seconds));
        }
        return new Disconnect(how.equals("resets"), null);
    }
}

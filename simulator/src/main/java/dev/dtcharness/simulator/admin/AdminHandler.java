package dev.dtcharness.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtcharness.simulator.DtcSimulator;
import dev.dtcharness.simulator.journal.JournalEntry;
import dev.dtcharness.simulator.script.ScenarioLoader;
import dev.dtcharness.simulator.session.Session;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes admin requests to the simulator's APIs. A bad request gets 400 with a sentence saying
 * what was expected; nothing it does can harm a DTC session other than the faults it is asked for.
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DtcSimulator sim;

    AdminHandler(DtcSimulator sim) {
        this.sim = sim;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String token = sim.config().adminToken();
        if (token != null && !authorized(request, token)) {
            LOG.warn("admin: {} {} refused: no valid token", request.method(), request.uri());
            respond(ctx, request, HttpResponseStatus.UNAUTHORIZED,
                    Map.of("error", "this admin API needs the header 'Authorization: Bearer <token>'"));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String body = request.content().toString(StandardCharsets.UTF_8);
        Object result;
        HttpResponseStatus status = HttpResponseStatus.OK;
        try {
            result = route(request.method(), uri.path(), new Params(uri.parameters()), body);
        } catch (IllegalArgumentException e) {
            status = HttpResponseStatus.BAD_REQUEST;
            result = Map.of("error", e.getMessage());
        } catch (NotFound e) {
            status = HttpResponseStatus.NOT_FOUND;
            result = Map.of("error", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("admin: {} {} failed", request.method(), request.uri(), e);
            status = HttpResponseStatus.INTERNAL_SERVER_ERROR;
            result = Map.of("error", String.valueOf(e.getMessage()));
        }
        respond(ctx, request, status, result);
    }

    /** Constant-time comparison, so the token cannot be guessed from response times. */
    private static boolean authorized(FullHttpRequest request, String token) {
        String header = request.headers().get("Authorization", "");
        byte[] given = header.getBytes(StandardCharsets.UTF_8);
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        return java.security.MessageDigest.isEqual(given, expected);
    }

    private Object route(HttpMethod method, String path, Params p, String body) {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        String key = method.name() + " " + (parts.length > 0 ? parts[0] : "");
        switch (key) {
            case "GET sessions":
                return sim.sessions().all().stream().map(AdminHandler::session).toList();
            case "GET orders":
                return sim.exchange().workingOrders();
            case "GET fills":
                return sim.exchange().fills();
            case "GET journal":
                return journal(p.integer("limit", 100));
            case "GET memory":
                return MemoryReport.now(sim.sessions().all().size(), p.flag("gc"));
            case "GET scenario":
                return sim.exchange().scenario() == null ? Map.of("scenario", "none (fill policy "
                        + sim.config().fillPolicy() + ")") : sim.exchange().scenario();
            case "POST reset":
                sim.reset();
                return Map.of("reset", true);
            case "POST scenario":
                var scenario = body.trim().startsWith("{") ? ScenarioLoader.parseJson(body) : ScenarioLoader.parseYaml(body);
                sim.exchange().useScenario(scenario);
                return scenario;
            case "DELETE scenario":
                sim.exchange().useScenario(null);
                return Map.of("scenario", "none");
            case "POST orders":
                return orderAction(parts, p, body);
            case "POST faults":
                return fault(parts.length > 1 ? parts[1] : "", p);
            default:
                throw new NotFound("no admin endpoint " + method + " " + path + " (see simulator/README.md: GET /sessions,"
                        + " /orders, /fills, /journal, /memory, /scenario; POST /orders/{id}/fill, /orders/{id}/cancel,"
                        + " /orders/elsewhere, /faults/{kind}, /scenario, /reset)");
        }
    }

    private Object orderAction(String[] parts, Params p, String body) {
        if (parts.length == 2 && parts[1].equals("elsewhere")) {
            JsonNode o = readJson(body);
            String id = sim.exchange().placeElsewhere(text(o, "tradeAccount", ""), text(o, "symbol", null),
                    text(o, "side", null), number(o, "quantity"), number(o, "price"));
            return Map.of("serverOrderId", id);
        }
        if (parts.length != 3) {
            throw new NotFound("expected POST /orders/{ServerOrderID}/fill or /orders/{ServerOrderID}/cancel");
        }
        String id = parts[1];
        switch (parts[2]) {
            case "fill" -> {
                if (p.has("quantity")) {
                    sim.exchange().fill(id, p.number("quantity"), p.number("price"));
                } else {
                    sim.exchange().fill(id);
                }
            }
            case "cancel" -> sim.exchange().cancel(id, p.text("text", null));
            default -> throw new NotFound("no order action " + parts[2] + " (expected: fill or cancel)");
        }
        return Map.of("done", parts[2], "serverOrderId", id);
    }

    private Object fault(String kind, Params p) {
        int session = p.integer("session", 0);
        var faults = sim.faults();
        switch (kind) {
            case "disconnect" -> faults.disconnect(session, false);
            case "reset" -> faults.disconnect(session, true);
            case "silence" -> faults.silence(session, p.has("millis") ? Duration.ofMillis(p.integer("millis", 0)) : null);
            case "logoff" -> faults.logoff(session, p.text("reason", "logged off by the simulator"));
            case "garbage" -> faults.sendGarbage(session, p.integer("bytes", 16));
            case "delay" -> faults.delayNthMessage(session, p.integer("n", 1), Duration.ofMillis(p.integer("millis", 1000)));
            case "duplicate" -> faults.duplicateOrderUpdates(session, p.integer("n", 1));
            case "reorder" -> faults.reorderOrderUpdates(session, p.integer("n", 1));
            case "refuse" -> faults.refuseConnectionsFor(Duration.ofMillis(p.integer("millis", 5000)));
            case "slice" -> faults.sliceFrames(p.integer("bytes", 1));
            case "clear" -> faults.clear();
            default -> throw new NotFound("no fault '" + kind + "' (expected: disconnect, reset, silence, logoff,"
                    + " garbage, delay, duplicate, reorder, refuse, slice, clear)");
        }
        return Map.of("fault", kind, "session", session == 0 ? "all" : session);
    }

    private List<Map<String, Object>> journal(int limit) {
        return sim.journal().tail(limit).stream().map(AdminHandler::entry).toList();
    }

    private static Map<String, Object> entry(JournalEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", e.at().toString());
        m.put("session", e.sessionId());
        m.put("kind", e.kind());
        m.put(e.message() != null ? "message" : "text", e.message() != null ? e.message().toString() : e.text());
        return m;
    }

    private static Map<String, Object> session(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("remote", s.remote());
        m.put("loggedOn", s.isLoggedOn());
        m.put("clientName", s.clientName());
        return m;
    }

    private static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getMessage());
        }
    }

    private static String text(JsonNode o, String field, String fallback) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            if (fallback != null) {
                return fallback;
            }
            throw new IllegalArgumentException("field " + field + " is missing (expected: text)");
        }
        return v.textValue();
    }

    private static double number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("field " + field + " is missing (expected: a number)");
        }
        return v.doubleValue();
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
                                Object result) {
        byte[] bytes;
        try {
            bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(result);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            bytes = ("{\"error\":\"cannot write the answer\"}").getBytes(StandardCharsets.UTF_8);
            status = HttpResponseStatus.INTERNAL_SERVER_ERROR;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        HttpUtil.setContentLength(response, bytes.length);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** An unknown path or action. */
    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** Query parameters with plain-word errors. */
    private record Params(Map<String, List<String>> values) {
        boolean has(String name) {
            return values.containsKey(name);
        }

        String text(String name, String fallback) {
            List<String> v = values.get(name);
            return v == null || v.isEmpty() ? fallback : v.get(0);
        }

        /** Absent or false: false; true: true; anything else is a bad request. */
        boolean flag(String name) {
            String v = text(name, "false");
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException(name + "=" + v + " (expected: true or false)");
            }
            return v.equals("true");
        }

        int integer(String name, int fallback) {
            String v = text(name, null);
            try {
                return v == null ? fallback : Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + "=" + v + " (expected: a whole number)");
            }
        }

        double number(String name) {
            String v = text(name, null);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException | NullPointerException e) {
                throw new IllegalArgumentException(name + "=" + v + " (expected: a number)");
            }
        }
    }
}

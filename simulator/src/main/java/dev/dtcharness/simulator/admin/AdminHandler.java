package dev.dtcharness.simulator.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtcharness.protocol.message.OrderUpdate;
import dev.dtcharness.protocol.message.SubmitNewSingleOrder;
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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes admin requests to the simulator's APIs, each only after {@link AdminGuard} let it through.
 * Each route names the parameters it takes ({@link AdminParams}); a bad request gets 400 with a
 * sentence saying what was expected and changes nothing; nothing it does can harm a DTC session
 * other than the faults it is asked for.
 * Who may call is in {@link AdminGuard}, parameter parsing in {@link AdminParams}, the fault routes in
 * {@link AdminFaultRoutes}.
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int INFO_TEXT = OrderUpdate.INFO_TEXT.maxStringLength();
    private static final int SYMBOL = SubmitNewSingleOrder.SYMBOL.maxStringLength();
    private static final int ACCOUNT = SubmitNewSingleOrder.TRADE_ACCOUNT.maxStringLength();
    private static final String ENDPOINTS = "see simulator/README.md: GET /sessions, /orders, /fills, /journal,"
            + " /memory, /scenario; POST /orders/{id}/fill, /orders/{id}/cancel, /orders/elsewhere, /faults/{kind},"
            + " /scenario, /reset; DELETE /scenario";

    private final Administered sim;
    private final AdminGuard guard;
    private final AdminFaultRoutes faults;

    AdminHandler(Administered sim, AdminGuard guard) {
        this.sim = sim;
        this.guard = guard;
        this.faults = new AdminFaultRoutes(sim.faults());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            LOG.warn("admin: malformed HTTP request from {}: {}", ctx.channel().remoteAddress(),
                    request.decoderResult().cause().getMessage());
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, Map.of("error", "malformed HTTP request"));
            return;
        }
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        AdminGuard.Refusal refusal = guard.check(request, local.getAddress(), local.getPort());
        if (refusal != null) {
            LOG.warn("admin: {} {} from {} refused: {}", request.method(), AdminGuard.printable(request.uri()),
                    ctx.channel().remoteAddress(), refusal.reason());
            respond(ctx, request, refusal.status(), Map.of("error", refusal.reason()));
            return;
        }
        if (request.method().equals(HttpMethod.OPTIONS)) {
            // Same-origin browsers never ask; anyone else learns the methods and gets no CORS allowance.
            FullHttpResponse allow = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
            allow.headers().set(HttpHeaderNames.ALLOW, "GET, POST, DELETE");
            send(ctx, request, allow);
            return;
        }
        Object result;
        HttpResponseStatus status = HttpResponseStatus.OK;
        try {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            String body = request.content().toString(StandardCharsets.UTF_8);
            String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
            result = route(request.method(), uri, body, type.toLowerCase(java.util.Locale.ROOT).contains("yaml"));
        } catch (IllegalArgumentException e) {
            status = HttpResponseStatus.BAD_REQUEST;
            result = Map.of("error", String.valueOf(e.getMessage()));
        } catch (AdminNotFound e) {
            status = HttpResponseStatus.NOT_FOUND;
            result = Map.of("error", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("admin: {} {} failed", request.method(), request.uri(), e);
            status = HttpResponseStatus.INTERNAL_SERVER_ERROR;
            result = Map.of("error", String.valueOf(e.getMessage()));
        }
        respond(ctx, request, status, result);
    }

    private Object route(HttpMethod method, QueryStringDecoder uri, String body, boolean yaml) {
        String path = uri.path();
        String trimmed = path.replaceAll("^/+|/+$", "");
        String[] parts = trimmed.isEmpty() ? new String[0] : trimmed.split("/");
        String key = method.name() + " " + (parts.length > 0 ? parts[0] : "") + "/" + parts.length;
        Map<String, List<String>> query = uri.parameters();
        switch (key) {
            case "GET sessions/1":
                params("GET /sessions", query, body);
                return sim.sessions().all().stream().map(AdminHandler::session).toList();
            case "GET orders/1":
                params("GET /orders", query, body);
                return sim.exchange().workingOrders();
            case "GET fills/1":
                params("GET /fills", query, body);
                return sim.exchange().fills();
            case "GET journal/1":
                return journal(params("GET /journal", query, body, "limit").integer("limit", 100, 1, Integer.MAX_VALUE));
            case "GET memory/1":
                return MemoryReport.now(sim.sessions().all().size(), params("GET /memory", query, body, "gc").flag("gc"));
            case "GET scenario/1":
                params("GET /scenario", query, body);
                return sim.exchange().scenario() == null ? Map.of("scenario", "none (fill policy "
                        + sim.fillPolicy() + ")") : sim.exchange().scenario();
            case "POST reset/1":
                params("POST /reset", query, body);
                sim.reset();
                return Map.of("reset", true);
            case "POST scenario/1":
                return scenario(query, body, yaml);
            case "DELETE scenario/1":
                params("DELETE /scenario", query, body);
                sim.exchange().useScenario(null);
                return Map.of("scenario", "none");
            case "POST orders/2":
                if (parts[1].equals("elsewhere")) {
                    return elsewhere(params("POST /orders/elsewhere", query, body,
                            "tradeAccount", "symbol", "side", "quantity", "price"));
                }
                break;
            case "POST orders/3":
                return orderAction(parts[1], parts[2], query, body);
            case "POST faults/2":
                return faults.route(parts[1], query, body);
            default:
                break;
        }
        throw new AdminNotFound("no admin endpoint " + method + " " + AdminGuard.printable(path) + " (" + ENDPOINTS + ")");
    }

    static AdminParams params(String route, Map<String, List<String>> query, String body, String... allowed) {
        return AdminParams.of(route, query, body, Set.of(allowed));
    }

    private Object scenario(Map<String, List<String>> query, String body, boolean yaml) {
        params("POST /scenario", query, "");
        if (body.isBlank()) {
            throw new IllegalArgumentException("the body is empty (expected: a scenario in JSON or YAML)");
        }
        var scenario = yaml ? ScenarioLoader.parseYaml(body) : ScenarioLoader.parseJson(body);
        sim.exchange().useScenario(scenario);
        return scenario;
    }

    private Object elsewhere(AdminParams p) {
        String id = sim.exchange().placeElsewhere(p.text("tradeAccount", sim.exchange().tradeAccounts().get(0), ACCOUNT),
                p.text("symbol", null, SYMBOL), p.choice("side", null, List.of("BUY", "SELL")),
                p.number("quantity", true), p.number("price", false));
        return Map.of("serverOrderId", id);
    }

    private Object orderAction(String id, String action, Map<String, List<String>> query, String body) {
        switch (action) {
            case "fill" -> {
                AdminParams p = params("POST /orders/{id}/fill", query, body, "quantity", "price");
                if (p.has("quantity")) {
                    sim.exchange().fill(id, p.number("quantity", true), p.number("price", false));
                } else if (p.has("price")) {
                    double price = p.number("price", false);
                    sim.exchange().fill(id, remaining(id), price);
                } else {
                    sim.exchange().fill(id);
                }
            }
            case "cancel" -> sim.exchange().cancel(id,
                    params("POST /orders/{id}/cancel", query, body, "text").text("text", null, INFO_TEXT));
            default -> throw new AdminNotFound("no order action '" + AdminGuard.printable(action)
                    + "' (expected: fill or cancel)");
        }
        return Map.of("done", action, "serverOrderId", id);
    }

    /** What remains of a working order, for a fill at a price the caller names without a quantity. */
    private double remaining(String id) {
        return sim.exchange().workingOrders().stream().filter(o -> o.serverOrderId().equals(id)).findFirst()
                .map(o -> o.quantity() - o.filledQuantity())
                .orElseThrow(() -> new IllegalArgumentException("no working order " + AdminGuard.printable(id)));
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
        send(ctx, request, response);
    }

    private static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}

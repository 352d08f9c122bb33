package dev.dtcharness.simulator.admin;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Set;

/**
 * What a request must be before the admin API acts on it, so that no web page can drive the
 * simulator: its Host names this machine (no DNS rebinding), its Origin, when a browser sends one,
 * is the admin API's own, it carries the token when one is set, and a request that changes state
 * says {@code Content-Type: application/json}, which no cross-site form can send and which makes a
 * browser ask first (a preflight that gets no CORS allowance). Requests without Origin (curl,
 * scripts) are not browsers' and pass those two checks.
 */
final class AdminGuard {
    /** Which media types a state-changing request may carry; YAML only where a scenario is posted. */
    private static final Set<String> JSON = Set.of("application/json");
    private static final Set<String> JSON_OR_YAML = Set.of("application/json", "application/yaml", "application/x-yaml");

    private final AdminHosts hosts;
    private final byte[] tokenDigest;

    AdminGuard(String configuredHost, String token) {
        this.hosts = new AdminHosts(configuredHost);
        this.tokenDigest = token == null ? null : sha256("Bearer " + token);
    }

    /** A request refused: the status and one sentence for the caller (and the log). */
    record Refusal(HttpResponseStatus status, String reason) {
    }

    /**
     * Null when {@code request}, which arrived on {@code arrivedOn}:{@code port}, may go on to its
     * route; otherwise why not.
     */
    Refusal check(FullHttpRequest request, InetAddress arrivedOn, int port) {
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (host != null && !hosts.allowed(hostPart(host), arrivedOn)) {
            return new Refusal(HttpResponseStatus.MISDIRECTED_REQUEST, "Host '" + printable(host)
                    + "' is not this admin API (expected: 127.0.0.1, localhost, [::1], the simulator's --host or the address called)");
        }
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin != null && !ownOrigin(origin, arrivedOn, port)) {
            return new Refusal(HttpResponseStatus.FORBIDDEN, "Origin '" + printable(origin)
                    + "' is not this admin API's own: requests from other pages are refused");
        }
        String fetchSite = request.headers().get("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return new Refusal(HttpResponseStatus.FORBIDDEN, "Sec-Fetch-Site '" + printable(fetchSite)
                    + "': requests from other pages are refused");
        }
        if (tokenDigest != null && !MessageDigest.isEqual(tokenDigest,
                sha256(request.headers().get(HttpHeaderNames.AUTHORIZATION, "")))) {
            return new Refusal(HttpResponseStatus.UNAUTHORIZED,
                    "this admin API needs the header 'Authorization: Bearer <token>'");
        }
        if (changesState(request.method())) {
            return contentType(request);
        }
        return null;
    }

    static boolean changesState(HttpMethod method) {
        return !method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD) && !method.equals(HttpMethod.OPTIONS);
    }

    /** Every state-changing request, with a body or without, says it is JSON (or, for a scenario, YAML). */
    private static Refusal contentType(FullHttpRequest request) {
        String given = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        Set<String> allowed = request.method().equals(HttpMethod.POST) && request.uri().startsWith("/scenario")
                ? JSON_OR_YAML : JSON;
        String expected = allowed == JSON ? "application/json" : "application/json or application/yaml";
        if (given == null) {
            return new Refusal(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, request.method() + " needs 'Content-Type: "
                    + expected + "', with a body or without (so that no web form can send it)");
        }
        String[] parts = given.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        boolean ok = allowed.contains(type);
        for (int i = 1; ok && i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
            ok = parameter.equals("charset=utf-8") || parameter.equals("charset=\"utf-8\"");
        }
        return ok ? null : new Refusal(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + printable(given)
                + "' (expected: " + expected + ", optionally with charset=utf-8)");
    }

    /** http://host[:port] where the host names this admin API and the port is the one it listens on. */
    private boolean ownOrigin(String origin, InetAddress arrivedOn, int port) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false; // "null" (a sandboxed page or a file://) lands here too
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null) {
            return false;
        }
        int originPort = uri.getPort() < 0 ? 80 : uri.getPort();
        return originPort == port && hosts.allowed(uri.getHost(), arrivedOn);
    }

    /** "host" of "host:port", "[::1]" of "[::1]:8080"; an unbracketed IPv6 address as it is. */
    private static String hostPart(String hostHeader) {
        String h = hostHeader.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon >= 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
    }

    /** A header as a log line may show it: at most 100 characters, control characters as '?'. */
    static String printable(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static byte[] sha256(String s) {
        try {
            // Digests of equal length: the comparison takes as long whatever the header holds.
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

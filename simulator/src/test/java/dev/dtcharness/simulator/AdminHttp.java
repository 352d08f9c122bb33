package dev.dtcharness.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls to a simulator's admin API through its real port: with {@link HttpClient} when the headers
 * are ones it lets a caller set (Origin, Content-Type, Authorization), over a raw socket when the
 * test must choose the Host header, as a DNS-rebinding page's browser would send it.
 */
final class AdminHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String host;
    private final String base;
    private final int port;

    AdminHttp(int port) {
        this("127.0.0.1", port);
    }

    AdminHttp(String host, int port) {
        this.host = host;
        this.base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        this.port = port;
    }

    int port() {
        return port;
    }

    /** A request with these headers (name, value, name, value...), the body sent as it is. */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET, as curl sends it (no Origin, no Content-Type). */
    HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    /** POST with Content-Type: application/json, as the README's curl lines send it. */
    HttpResponse<String> post(String path, String body) {
        return send("POST", path, body, "Content-Type", "application/json");
    }

    /** The whole response (status line, headers, body) to a request written byte for byte. */
    String raw(String request) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            for (int n; (n = in.read(chunk)) > 0; ) {
                response.write(chunk, 0, n);
            }
            return response.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET with this Host header and Connection: close, over a raw socket. */
    String getWithHost(String path, String host) {
        return raw("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }
}

package org.rai4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A real HTTP text-model server on the loopback interface (a free port), for tests of clients of the rai4j text
 * endpoint protocol: POST {@code {"texts":[…]}} → {@code {"scores":[…]}}. {@link #serving} answers with a scoring
 * function; {@link #raw} lets a test answer anything (errors, wrong counts). Records the size of every batch it
 * received. Close it to stop the server.
 */
public final class ScoringEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());

    private ScoringEndpoint(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/score", handler);
        server.start();
    }

    /** A server whose {@code /score} scores the posted texts with {@code scorer} (full double precision). */
    public static ScoringEndpoint serving(Function<List<String>, double[]> scorer) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ScoringEndpoint[] self = new ScoringEndpoint[1];
        self[0] = new ScoringEndpoint(exchange -> {
            try (exchange) {
                JsonNode body = json.readTree(exchange.getRequestBody());
                List<String> texts = new ArrayList<>();
                body.get("texts").forEach(t -> texts.add(t.textValue()));
                self[0].batches.add(texts.size());
                double[] s = scorer.apply(texts);
                ObjectNode answer = json.createObjectNode();
                ArrayNode a = answer.putArray("scores");
                for (double v : s) {
                    a.add(v);
                }
                reply(exchange, 200, json.writeValueAsString(answer));
            }
        });
        return self[0];
    }

    /** A server whose {@code /score} is handled by {@code handler} as it likes. */
    public static ScoringEndpoint raw(HttpHandler handler) throws IOException {
        return new ScoringEndpoint(handler);
    }

    /** Sends {@code body} with {@code status} and closes the exchange's response. */
    public static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The {@code /score} URL. */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/score");
    }

    /** The number of texts in each request received so far, in order. */
    public List<Integer> batches() {
        synchronized (batches) {
            return List.copyOf(batches);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

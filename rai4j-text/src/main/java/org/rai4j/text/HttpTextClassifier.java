package org.rai4j.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.rai4j.core.Preconditions;

/**
 * A {@link TextClassifier} behind an HTTP endpoint, for models that live outside the JVM. The protocol: the client
 * POSTs {@code {"texts": ["…", …]}} ({@code Content-Type: application/json}, UTF-8) with at most {@code batchSize}
 * texts; the server answers status 200 with {@code {"scores": [p₁, …]}}, one number per text in the same order,
 * each the probability of the positive class (label 1), finite and in [0, 1]. Other fields of the answer are
 * ignored. Any other answer — another status, a body that is not such JSON, a wrong count, a score outside [0, 1] —
 * fails the whole call with a {@link TextEndpointException} that names the URL, the texts of the batch, the HTTP
 * status and what was expected; nothing is retried or guessed. Immutable; thread-safe (one {@link HttpClient}
 * shared by all calls).
 */
public final class HttpTextClassifier implements TextClassifier {
    /** The default number of texts per request. */
    public static final int DEFAULT_BATCH = 64;
    /** The default time allowed for one request's answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int QUOTED_BODY = 200;

    private final URI endpoint;
    private final int batchSize;
    private final Duration timeout;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    private HttpTextClassifier(URI endpoint, int batchSize, Duration timeout) {
        this.endpoint = endpoint;
        this.batchSize = batchSize;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * A client of {@code endpoint}.
     *
     * @param endpoint  an absolute http or https URL, e.g. {@code http://localhost:8000/score}
     * @param batchSize texts per request, at least 1
     * @param timeout   the longest wait for connecting and for each answer, positive
     * @throws IllegalArgumentException if the URL is not an absolute http(s) URL or a setting is out of range
     */
    public static HttpTextClassifier connect(URI endpoint, int batchSize, Duration timeout) {
        Preconditions.checkNotNull(endpoint, "endpoint");
        Preconditions.checkNotNull(timeout, "timeout");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        Preconditions.checkArgument((scheme.equals("http") || scheme.equals("https")) && endpoint.getHost() != null,
                "endpoint '" + endpoint + "' is not an absolute http:// or https:// URL with a host "
                        + "(e.g. http://localhost:8000/score)");
        Preconditions.checkAtLeast(batchSize, 1, "batch size");
        Preconditions.checkArgument(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive, got " + timeout);
        return new HttpTextClassifier(endpoint, batchSize, timeout);
    }

    /** A client with {@link #DEFAULT_BATCH} texts per request and the {@link #DEFAULT_TIMEOUT}. */
    public static HttpTextClassifier connect(URI endpoint) {
        return connect(endpoint, DEFAULT_BATCH, DEFAULT_TIMEOUT);
    }

    /**
     * Scores the texts, {@code batchSize} per request, in order.
     *
     * @throws TextEndpointException if any request fails or any answer breaks the protocol
     */
    @Override
    public double[] scores(List<String> texts) {
        Preconditions.checkNotNull(texts, "texts");
        double[] out = new double[texts.size()];
        for (int from = 0; from < texts.size(); from += batchSize) {
            int to = Math.min(texts.size(), from + batchSize);
            double[] batch = post(texts.subList(from, to), from);
            System.arraycopy(batch, 0, out, from, batch.length);
        }
        return out;
    }

    private double[] post(List<String> texts, int offset) {
        String where = "POST " + endpoint + " (texts " + (offset + 1) + ".." + (offset + texts.size()) + ")";
        ObjectNode body = json.createObjectNode();
        ArrayNode array = body.putArray("texts");
        for (int i = 0; i < texts.size(); i++) {
            array.add(Preconditions.checkNotNull(texts.get(i), "texts[" + (offset + i) + "]"));
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the request body", e); // unreachable for strings
        }
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new TextEndpointException(where + ": no answer within " + timeout.toMillis() / 1000.0
                    + " s; is the model server up, or does it need a longer timeout?", e);
        } catch (ConnectException e) {
            throw new TextEndpointException(where + ": cannot connect (" + e.getMessage()
                    + "); is the model server running at that address?", e);
        } catch (IOException e) {
            throw new TextEndpointException(where + ": the request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TextEndpointException(where + ": interrupted while waiting for the answer", e);
        }
        return parse(where, texts.size(), response);
    }

    private double[] parse(String where, int count, HttpResponse<String> response) {
        String expected = "expected status 200 and {\"scores\": [...]} with " + count + " number" + (count == 1 ? "" : "s")
                + " in [0, 1]";
        if (response.statusCode() != 200) {
            throw new TextEndpointException(where + ": HTTP " + response.statusCode() + "; " + expected + "; body: "
                    + quote(response.body()));
        }
        JsonNode root;
        try {
            root = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new TextEndpointException(where + ": the answer is not JSON (" + e.getOriginalMessage() + "); "
                    + expected + "; body: " + quote(response.body()), e);
        }
        JsonNode scores = root == null ? null : root.get("scores");
        if (scores == null || !scores.isArray()) {
            throw new TextEndpointException(where + ": the answer has no \"scores\" array; " + expected + "; body: "
                    + quote(response.body()));
        }
        if (scores.size() != count) {
            throw new TextEndpointException(where + ": the answer has " + scores.size() + " scores for " + count
                    + " texts; " + expected);
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            JsonNode s = scores.get(i);
            double v = s.isNumber() ? s.doubleValue() : Double.NaN;
            if (!(v >= 0 && v <= 1)) {
                throw new TextEndpointException(where + ": scores[" + i + "] is " + s + "; " + expected
                        + " (the probability of label 1)");
            }
            out[i] = v;
        }
        return out;
    }

    private static String quote(String body) {
        String b = body == null ? "" : body.strip();
        return "'" + (b.length() > QUOTED_BODY ? b.substring(0, QUOTED_BODY) + "…" : b) + "'";
    }

    /** The endpoint URL. */
    @Override
    public String name() {
        return endpoint.toString();
    }

    /** The endpoint. */
    public URI endpoint() {
        return endpoint;
    }

    /** Texts per request. */
    public int batchSize() {
        return batchSize;
    }

    /** The longest wait for connecting and for each answer. */
    public Duration timeout() {
        return timeout;
    }
}

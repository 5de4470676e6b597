package org.rai4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rai4j.testkit.ScoringEndpoint;

class HttpTextClassifierTest {
    private static EmbeddingBagTextClassifier model;
    private static final List<String> TEXTS = List.of("she is a brilliant engineer", "he is a lazy engineer",
            "the food was great", "terrible service, never again", "Mary said \"hi\" to John",
            "naïve café — déjà vu", "", "ok", "the nurse was kind", "the doctor was rude");

    @BeforeAll
    static void train() {
        List<String> texts = List.of("great food", "awful food", "great staff", "awful staff", "she was great",
                "he was awful");
        model = EmbeddingBagTextClassifier.train(texts, new int[] {1, 0, 1, 0, 1, 0},
                new EmbeddingBagTextClassifier.Settings(64, 4, 20, 0.5, 2, 7));
    }

    @Test
    void scoresOverHttp_equalTheModelInProcess_toTheBit_inBatches() throws Exception {
        try (ScoringEndpoint server = ScoringEndpoint.serving(model::scores)) {
            HttpTextClassifier remote = HttpTextClassifier.connect(server.uri(), 3, Duration.ofSeconds(10));
            double[] got = remote.scores(TEXTS);
            double[] want = model.scores(TEXTS);
            assertThat(got).hasSize(TEXTS.size());
            for (int i = 0; i < got.length; i++) {
                assertThat(Double.doubleToRawLongBits(got[i])).as("text %d", i)
                        .isEqualTo(Double.doubleToRawLongBits(want[i]));
            }
            assertThat(server.batches()).containsExactly(3, 3, 3, 1);
            assertThat(remote.score(TEXTS.get(0))).isEqualTo(want[0]);
            assertThat(remote.name()).isEqualTo(server.uri().toString());
        }
    }

    @Test
    void textsArriveUnchanged_andAnEmptyListSendsNothing() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (ScoringEndpoint server = ScoringEndpoint.serving(t -> {
            seen.addAll(t);
            return new double[t.size()];
        })) {
            HttpTextClassifier remote = HttpTextClassifier.connect(server.uri(), 4, Duration.ofSeconds(10));
            assertThat(remote.scores(List.of())).isEmpty();
            assertThat(server.batches()).isEmpty();
            remote.scores(TEXTS);
            assertThat(seen).containsExactlyElementsOf(TEXTS);
        }
    }

    private static TextEndpointException failure(String status200Body, int status) throws Exception {
        try (ScoringEndpoint server = ScoringEndpoint.raw(ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                ScoringEndpoint.reply(ex, status, status200Body);
            }
        })) {
            HttpTextClassifier remote = HttpTextClassifier.connect(server.uri(), 2, Duration.ofSeconds(10));
            try {
                remote.scores(List.of("a", "b", "c"));
            } catch (TextEndpointException e) {
                assertThat(e.getMessage()).startsWith("POST " + server.uri() + " (texts 1..2)");
                return e;
            }
            throw new AssertionError("no failure for status " + status + " body " + status200Body);
        }
    }

    @Test
    void answersOutsideTheProtocol_failNamingUrlStatusAndWhatWasExpected() throws Exception {
        assertThat(failure("{\"error\":\"model not loaded\"}", 503).getMessage())
                .contains("HTTP 503").contains("expected status 200").contains("model not loaded");
        assertThat(failure("<html>oops</html>", 200).getMessage()).contains("not JSON").contains("<html>oops");
        assertThat(failure("{\"probabilities\":[0.1,0.2]}", 200).getMessage()).contains("no \"scores\" array");
        assertThat(failure("{\"scores\":[0.1]}", 200).getMessage()).contains("1 scores for 2 texts");
        assertThat(failure("{\"scores\":[0.1,1.5]}", 200).getMessage()).contains("scores[1] is 1.5")
                .contains("in [0, 1]");
        assertThat(failure("{\"scores\":[-0.1,0.5]}", 200).getMessage()).contains("scores[0] is -0.1");
        assertThat(failure("{\"scores\":[\"0.5\",0.5]}", 200).getMessage()).contains("scores[0] is \"0.5\"");
        assertThat(failure("{\"scores\":[null,0.5]}", 200).getMessage()).contains("scores[0] is null");
        assertThat(failure("[0.1,0.2]", 200).getMessage()).contains("no \"scores\" array");
    }

    @Test
    void anUnreachableServer_andASlowOne_failWithAdvice() throws Exception {
        URI gone;
        try (ScoringEndpoint server = ScoringEndpoint.serving(model::scores)) {
            gone = server.uri();
        }
        HttpTextClassifier remote = HttpTextClassifier.connect(gone, 8, Duration.ofSeconds(5));
        assertThatThrownBy(() -> remote.scores(List.of("x"))).isInstanceOf(TextEndpointException.class)
                .hasMessageContaining("POST " + gone).hasMessageContaining("is the model server running");
        try (ScoringEndpoint slow = ScoringEndpoint.raw(ex -> {
            try (ex) {
                Thread.sleep(1000);
                ScoringEndpoint.reply(ex, 200, "{\"scores\":[0.5]}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            HttpTextClassifier impatient = HttpTextClassifier.connect(slow.uri(), 8, Duration.ofMillis(200));
            assertThatThrownBy(() -> impatient.scores(List.of("x"))).isInstanceOf(TextEndpointException.class)
                    .hasMessageContaining("no answer within 0.2 s");
        }
    }

    @Test
    void badSettings_areRejectedWithTheExpectedForm() {
        assertThatThrownBy(() -> HttpTextClassifier.connect(URI.create("localhost:8000/score")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://");
        assertThatThrownBy(() -> HttpTextClassifier.connect(URI.create("ftp://host/score")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://host/score");
        assertThatThrownBy(() -> HttpTextClassifier.connect(URI.create("http://h/s"), 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch size");
        assertThatThrownBy(() -> HttpTextClassifier.connect(URI.create("http://h/s"), 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        HttpTextClassifier c = HttpTextClassifier.connect(URI.create("HTTPS://h/s"));
        assertThat(c.batchSize()).isEqualTo(HttpTextClassifier.DEFAULT_BATCH);
        assertThat(c.timeout()).isEqualTo(HttpTextClassifier.DEFAULT_TIMEOUT);
    }
}

package org.rai4j.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Contract test run against both recognisers on one committed clip: flite voice slt saying "Please call
 * the doctor in the morning." (generated with flite 2.2 and sox; see data/speech/README.md). Both real
 * recognisers get it right or nearly so; we require a WER of at most 1/7 (one word wrong).
 */
class RecognizerTest {
    private static final String SAID = "please call the doctor in the morning";

    private static Path clip() throws URISyntaxException {
        return Path.of(RecognizerTest.class.getResource("slt-call-the-doctor.wav").toURI());
    }

    private static void assertRecognises(Recognizer r) throws Exception {
        String heard = r.transcribe(clip());
        double wer = new SpeechScorer(TextNormalizer.DEFAULT).score(SAID, heard).wordErrorRate();
        assertThat(wer).as("heard '%s'", heard).isLessThanOrEqualTo(1.0 / 7);
    }

    @Test
    void pocketsphinx_cleanClip_recognisesTheSentence() throws Exception {
        AsrBackend.POCKETSPHINX.checkAvailable();
        try (Recognizer r = AsrBackend.POCKETSPHINX.create()) {
            assertThat(r.name()).isEqualTo("pocketsphinx");
            assertRecognises(r);
        }
    }

    @Test
    void sphinx4_cleanClip_recognisesTheSentence() throws Exception {
        AsrBackend.SPHINX4.checkAvailable();
        try (Recognizer r = AsrBackend.SPHINX4.create()) {
            assertThat(r.name()).isEqualTo("sphinx4");
            assertRecognises(r);
        }
    }
}

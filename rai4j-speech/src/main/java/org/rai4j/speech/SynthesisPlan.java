package org.rai4j.speech;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.rai4j.core.Preconditions;

/**
 * What a synthetic speech audit run does: which prompts each speaker says, under which acoustic
 * conditions, recognised by which back-end, written where. Every check runs before the plan exists.
 *
 * @param prompts            the sentences (reference transcripts)
 * @param speakers           the synthetic speakers (see {@link Speaker#of})
 * @param conditions         the acoustic conditions, each applied to every synthesised sentence
 * @param asr                the recogniser
 * @param outDir             output directory (created if missing)
 * @param promptsPerSpeaker  how many prompts each speaker says (all when {@code >= prompts.size()}); the
 *                           same prompts under every condition, so conditions are compared on paired
 *                           material; prompts are dealt to speakers in a seeded shuffled order so that
 *                           together the speakers cover all prompts
 * @param seed               master seed (prompt assignment, noise segments, babble)
 * @param jobs               worker threads (each with its own recogniser)
 * @param keepAudio          keep every conditioned WAV under {@code outDir/audio}
 * @param lm                 the recogniser's language model (a domain model is estimated from {@code prompts})
 */
public record SynthesisPlan(List<Prompt> prompts, List<Speaker> speakers, List<AcousticCondition> conditions,
                            AsrBackend asr, Path outDir, int promptsPerSpeaker, long seed, int jobs, boolean keepAudio,
                            LanguageModelChoice lm) {
    /** A plan decoding with the recogniser's general language model. */
    public SynthesisPlan(List<Prompt> prompts, List<Speaker> speakers, List<AcousticCondition> conditions,
                         AsrBackend asr, Path outDir, int promptsPerSpeaker, long seed, int jobs, boolean keepAudio) {
        this(prompts, speakers, conditions, asr, outDir, promptsPerSpeaker, seed, jobs, keepAudio, LanguageModelChoice.GENERAL);
    }

    public SynthesisPlan {
        prompts = List.copyOf(prompts);
        speakers = List.copyOf(speakers);
        conditions = List.copyOf(conditions);
        Preconditions.checkArgument(!prompts.isEmpty(), "prompts must not be empty");
        Preconditions.checkArgument(!speakers.isEmpty(), "speakers must not be empty");
        Preconditions.checkArgument(!conditions.isEmpty(), "conditions must not be empty");
        Preconditions.checkNotNull(asr, "asr");
        Preconditions.checkNotNull(outDir, "outDir");
        Preconditions.checkNotNull(lm, "lm");
        Preconditions.checkArgument(!lm.domain() || asr == AsrBackend.POCKETSPHINX,
                "a domain language model is supported with --asr pocketsphinx only");
        Preconditions.checkAtLeast(promptsPerSpeaker, 1, "promptsPerSpeaker");
        Preconditions.checkAtLeast(jobs, 1, "jobs");
        Preconditions.checkArgument(new HashSet<>(speakers.stream().map(Speaker::id).toList()).size() == speakers.size(),
                "speaker ids must be distinct");
        Preconditions.checkArgument(new HashSet<>(conditions.stream().map(AcousticCondition::name).toList()).size()
                == conditions.size(), "conditions must be distinct");
    }

    /** Number of utterances the run produces. */
    public long utterances() {
        return (long) speakers.size() * Math.min(promptsPerSpeaker, prompts.size()) * conditions.size();
    }

    /** Every external program the run needs (synthesisers of the voices used, sox, the recogniser's). */
    public List<ExternalTool> requiredTools() {
        java.util.LinkedHashSet<ExternalTool> tools = new java.util.LinkedHashSet<>();
        for (Speaker s : speakers) {
            tools.add(s.voice().engine().tool());
        }
        tools.add(ExternalTool.SOX);
        tools.addAll(asr.requiredTools());
        return List.copyOf(tools);
    }
}

package org.rai4j.speech;

/** The text-to-speech programs the audit pipeline drives. */
public enum TtsEngine {
    /** eSpeak NG (formant synthesis; many English accents). */
    ESPEAK_NG("espeak-ng", ExternalTool.ESPEAK_NG),
    /** CMU Flite (diphone and clustergen voices). */
    FLITE("flite", ExternalTool.FLITE);

    private final String id;
    private final ExternalTool tool;

    TtsEngine(String id, ExternalTool tool) {
        this.id = id;
        this.tool = tool;
    }

    /** The program name, recorded in the output's {@code tts} column. */
    public String id() {
        return id;
    }

    /** The program this engine runs. */
    public ExternalTool tool() {
        return tool;
    }
}

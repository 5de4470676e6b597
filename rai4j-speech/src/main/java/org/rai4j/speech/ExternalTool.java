package org.rai4j.speech;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A program (or data directory) the speech pipeline needs, with the Debian package that provides it.
 *
 * @param command     executable name looked up on the PATH, or an absolute path for a data directory
 * @param debPackage  the Debian package(s) to install, separated by spaces (pocketsphinx needs its model package too)
 * @param purpose     what it is needed for, shown to the user
 */
public record ExternalTool(String command, String debPackage, String purpose) {
    /** espeak-ng text-to-speech (voices en-us, en-gb, en-gb-scotland, …). */
    public static final ExternalTool ESPEAK_NG = new ExternalTool("espeak-ng", "espeak-ng", "espeak-ng voices");
    /** flite text-to-speech (voices kal, awb, rms, slt). */
    public static final ExternalTool FLITE = new ExternalTool("flite", "flite", "flite voices");
    /** sox: resampling, noise generation and channel effects. */
    public static final ExternalTool SOX = new ExternalTool("sox", "sox", "resampling, noise and channel conditions");
    /** The pocketsphinx command-line recogniser. */
    public static final ExternalTool POCKETSPHINX = new ExternalTool("pocketsphinx_continuous", "pocketsphinx pocketsphinx-en-us",
            "--asr pocketsphinx");
    /** The US English model of pocketsphinx. */
    public static final ExternalTool POCKETSPHINX_MODEL = new ExternalTool(PocketsphinxRecognizer.DEFAULT_MODEL_DIR,
            "pocketsphinx-en-us", "the English model of --asr pocketsphinx");

    /** True when the command is an executable on the PATH (or, for an absolute path, the directory exists). */
    public boolean isAvailable() {
        if (command.startsWith("/")) {
            return Files.isDirectory(Path.of(command));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks every tool up front and reports all that are missing at once.
     *
     * @throws MissingToolException naming each missing tool, what it is for, and the apt-get command
     */
    public static void requireAll(Collection<ExternalTool> tools) throws MissingToolException {
        List<ExternalTool> missing = new ArrayList<>();
        for (ExternalTool t : new LinkedHashSet<>(tools)) {
            if (!t.isAvailable()) {
                missing.add(t);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        Set<String> packages = new LinkedHashSet<>();
        for (ExternalTool t : missing) {
            sb.append(t.command()).append(" not found (needed for ").append(t.purpose()).append(")\n");
            packages.addAll(List.of(t.debPackage().split(" ")));
        }
        sb.append("install with: sudo apt-get install ").append(String.join(" ", packages));
        throw new MissingToolException(sb.toString(), missing);
    }
}

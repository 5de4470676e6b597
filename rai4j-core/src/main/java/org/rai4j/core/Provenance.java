package org.rai4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where an artifact came from: the rai4j version, the JVM, the master seed, the SHA-256 of every input
 * and the configuration that produced it. Every report, audit, model and version records one.
 *
 * @param tool    "rai4j"
 * @param version the rai4j version
 * @param jvm     the Java runtime version
 * @param seed    the master seed, or null when nothing random was used
 * @param inputs  input name → hex SHA-256
 * @param config  option name → value, as given
 */
public record Provenance(String tool, String version, String jvm, Long seed, Map<String, String> inputs,
                         Map<String, String> config) {
    public Provenance {
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** Provenance for this running rai4j. */
    public static Provenance current(Long seed, Map<String, String> inputs, Map<String, String> config) {
        return new Provenance("rai4j", rai4jVersion(), System.getProperty("java.version"), seed, inputs, config);
    }

    /** The version of the rai4j jars on the class path ("dev" when run from unpackaged sources). */
    public static String rai4jVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}

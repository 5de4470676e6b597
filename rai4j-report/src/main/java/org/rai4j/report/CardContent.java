package org.rai4j.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.rai4j.core.DataFileException;
import org.rai4j.core.DataProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human-written parts of a service card, read from YAML ({@code --card CARD.yaml}). Every number in
 * a card comes from an audit; this holds only words. Every field is optional: a missing one is shown
 * in the card as "not provided", so gaps stay visible. Keys are snake_case; an unknown key is an error
 * that lists the allowed ones. Immutable.
 *
 * @param name                 the service or model's name
 * @param version              the version the card applies to
 * @param date                 the card's date
 * @param overview             what the service does, and the feature or API covered
 * @param intendedUses         typical use cases
 * @param intendedUsers        who should use it
 * @param usesToAvoid          uses it is not designed or evaluated for
 * @param description          the model or service in general terms (machine-learning approach)
 * @param evaluationData       where the evaluation data comes from and how it was labelled
 * @param limitations          known limitations beyond those the audit shows
 * @param deploymentGuidance   best practices: workflow design, human review, how to improve results
 * @param privacyAndSecurity   data handling
 * @param contact              where to send feedback
 * @param glossary             term → definition
 */
public record CardContent(String name, String version, String date, String overview, List<String> intendedUses,
                          List<String> intendedUsers, List<String> usesToAvoid, String description, String evaluationData,
                          List<String> limitations, List<String> deploymentGuidance, String privacyAndSecurity,
                          String contact, Map<String, String> glossary) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    public CardContent {
        intendedUses = intendedUses == null ? List.of() : List.copyOf(intendedUses);
        intendedUsers = intendedUsers == null ? List.of() : List.copyOf(intendedUsers);
        usesToAvoid = usesToAvoid == null ? List.of() : List.copyOf(usesToAvoid);
        limitations = limitations == null ? List.of() : List.copyOf(limitations);
        deploymentGuidance = deploymentGuidance == null ? List.of() : List.copyOf(deploymentGuidance);
        glossary = glossary == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(glossary));
    }

    /** A card with no human-written content: every section says what to add. */
    public static CardContent empty() {
        return new CardContent(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Reads a card YAML file; errors name the file, line and key. */
    public static CardContent read(Path file) throws DataFileException, IOException {
        try {
            return parse(JsonProblems.utf8(Files.readAllBytes(file), file.toString()), file.toString());
        } catch (NoSuchFileException e) {
            throw new DataFileException(new DataProblem(file.toString(), 0, null, "no such file; expected the card's YAML "
                    + "(see docs/service-cards.md for the keys)"));
        }
    }

    /** Parses card YAML; {@code fileName} names it in error messages. */
    public static CardContent parse(String yaml, String fileName) throws DataFileException {
        if (yaml.isBlank()) {
            return empty();
        }
        try {
            CardContent card = YAML.readValue(yaml, CardContent.class);
            return card == null ? empty() : card; // a YAML null document ('~', 'null') says nothing, like an empty file
        } catch (UnrecognizedPropertyException e) {
            throw new DataFileException(new DataProblem(fileName, keyLine(yaml, e.getPropertyName(), e), null, "unknown key '" + e.getPropertyName()
                    + "'; expected one of " + String.join(", ", KEYS)));
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("(top level)");
            String top = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            throw new DataFileException(new DataProblem(fileName, keyLine(yaml, top, e), null, "key '" + path + "': "
                    + expected(path) + ", got " + got(e)));
        } catch (JacksonException e) {
            throw new DataFileException(yamlSyntax(fileName, e));
        }
    }

    /** What the value that could not be mapped was, in YAML's words. */
    private static String got(JsonMappingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("from Array value") || m.contains("START_ARRAY")) {
            return "a list";
        }
        if (m.contains("from Object value") || m.contains("START_OBJECT")) {
            return "a mapping";
        }
        if (m.contains("from Null value") || m.contains("VALUE_NULL")) {
            return "nothing (null)";
        }
        return "a value of another kind";
    }

    /**
     * A YAML syntax error with SnakeYAML's problem and its mark (line and column, 1-based), and the
     * construct it was reading, e.g. {@code not valid YAML at line 2 column 11: found unexpected end
     * of stream (while scanning a quoted scalar started at line 2 column 11)}.
     */
    private static DataProblem yamlSyntax(String fileName, JacksonException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y) {
            var mark = y.getProblemMark();
            long line = mark == null ? line(e) : mark.getLine() + 1L;
            StringBuilder sb = new StringBuilder("not valid YAML");
            if (mark != null) {
                sb.append(" at column ").append(mark.getColumn() + 1);
            }
            sb.append(": ").append(y.getProblem() == null ? "malformed input" : y.getProblem().strip());
            if (y.getContext() != null) {
                sb.append(" (").append(y.getContext().strip());
                var context = y.getContextMark();
                if (context != null) {
                    sb.append(" started at line ").append(context.getLine() + 1).append(" column ").append(context.getColumn() + 1);
                }
                sb.append(')');
            }
            return new DataProblem(fileName, line, null, sb.toString());
        }
        if (e.getCause() instanceof org.yaml.snakeyaml.error.YAMLException y) {
            return new DataProblem(fileName, line(e), null, "not valid YAML: " + String.valueOf(y.getMessage()).split("\n")[0]);
        }
        return new DataProblem(fileName, line(e), null, "not valid YAML: "
                + JsonProblems.describe(e.getOriginalMessage()).split("\n")[0]);
    }

    /** The YAML keys, in card order. */
    public static final List<String> KEYS = List.of("name", "version", "date", "overview", "intended_uses", "intended_users",
            "uses_to_avoid", "description", "evaluation_data", "limitations", "deployment_guidance", "privacy_and_security",
            "contact", "glossary");

    private static String expected(String path) {
        String key = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        return switch (key) {
            case "intended_uses", "intended_users", "uses_to_avoid", "limitations", "deployment_guidance" -> "expected a list of text items";
            case "glossary" -> "expected a mapping of term: definition";
            default -> "expected text";
        };
    }

    /** The line of a top-level key (Jackson's location points past its value), else Jackson's location. */
    private static long keyLine(String yaml, String key, JacksonException e) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches(java.util.regex.Pattern.quote(key) + "\\s*:.*")) {
                return i + 1;
            }
        }
        return line(e);
    }

    private static long line(JacksonException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }
}

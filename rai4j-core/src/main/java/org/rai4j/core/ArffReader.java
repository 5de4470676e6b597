package org.rai4j.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads Weka's ARFF format (dense data only): {@code @attribute} declarations (numeric, real, integer,
 * nominal {@code {a, b}}, string) followed by {@code @data} rows with comma-separated values, single- or
 * double-quoted where needed, and {@code ?} for missing. Nominal values are checked against their
 * declaration. Problems are reported with the source name and line.
 */
public final class ArffReader {
    private ArffReader() {}

    private record Attribute(String name, boolean numeric, List<String> nominal) {}

    /** Reads ARFF from a stream (UTF-8); {@code sourceName} is used in messages. */
    public static Table read(InputStream in, String sourceName) throws DataFileException {
        List<Attribute> attrs = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        ProblemCollector problems = new ProblemCollector();
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new DataFileException(new DataProblem(sourceName, 0, null, "expected a readable ARFF file, got " + e));
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            boolean inData = false;
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("%")) {
                    continue;
                }
                if (!inData) {
                    String lower = t.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("@attribute")) {
                        attrs.add(attribute(t.substring("@attribute".length()).strip(), sourceName, lineNo));
                    } else if (lower.startsWith("@data")) {
                        inData = true;
                    }
                    continue;
                }
                List<String> row = split(t);
                if (row.size() != attrs.size()) {
                    problems.add(new DataProblem(sourceName, lineNo, null, "expected " + attrs.size()
                            + " values as declared by @attribute, got " + row.size()));
                    continue;
                }
                for (int a = 0; a < attrs.size(); a++) {
                    String v = row.get(a);
                    Attribute at = attrs.get(a);
                    if (v.equals("?")) {
                        row.set(a, null);
                    } else if (at.numeric() && Double.isNaN(Numbers.parseOrNaN(v))) {
                        problems.add(new DataProblem(sourceName, lineNo, at.name(), "expected a number, got '" + v + "'"));
                    } else if (at.nominal() != null && !at.nominal().contains(v)) {
                        problems.add(new DataProblem(sourceName, lineNo, at.name(), "expected one of " + at.nominal() + ", got '" + v + "'"));
                    }
                }
                values.add(row);
                lines.add(lineNo);
            }
        } catch (IOException e) {
            throw new DataFileException(new DataProblem(sourceName, 0, null, "expected a readable ARFF file, got " + e));
        }
        problems.throwIfAny();
        if (attrs.isEmpty() || values.isEmpty()) {
            throw new DataFileException(new DataProblem(sourceName, 0, null, "expected @attribute declarations and @data rows"));
        }
        List<Column> columns = new ArrayList<>();
        for (int a = 0; a < attrs.size(); a++) {
            Attribute at = attrs.get(a);
            if (at.numeric()) {
                double[] x = new double[values.size()];
                for (int r = 0; r < x.length; r++) {
                    String v = values.get(r).get(a);
                    x[r] = v == null ? Double.NaN : Numbers.parseOrNaN(v);
                }
                columns.add(Column.numeric(at.name(), x));
            } else {
                String[] x = new String[values.size()];
                for (int r = 0; r < x.length; r++) {
                    x[r] = values.get(r).get(a);
                }
                columns.add(Column.categorical(at.name(), x));
            }
        }
        return new Table(sourceName, Hashing.sha256(bytes), columns, lines.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Attribute attribute(String rest, String source, int line) throws DataFileException {
        List<String> nameAndType = new ArrayList<>();
        int i = 0;
        String name;
        if (rest.startsWith("'") || rest.startsWith("\"")) {
            char q = rest.charAt(0);
            int end = rest.indexOf(q, 1);
            name = rest.substring(1, end);
            i = end + 1;
        } else {
            int end = 0;
            while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                end++;
            }
            name = rest.substring(0, end);
            i = end;
        }
        nameAndType.add(name);
        String type = rest.substring(i).strip();
        if (type.startsWith("{")) {
            int close = type.lastIndexOf('}');
            if (close < 0) {
                throw new DataFileException(new DataProblem(source, line, name, "expected '}' closing the nominal values"));
            }
            List<String> nominal = split(type.substring(1, close));
            return new Attribute(name, false, List.copyOf(nominal));
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.equals("numeric") || lower.equals("real") || lower.equals("integer")) {
            return new Attribute(name, true, null);
        }
        if (lower.equals("string")) {
            return new Attribute(name, false, null);
        }
        throw new DataFileException(new DataProblem(source, line, name,
                "expected an attribute type numeric, real, integer, string or {nominal values}, got '" + type + "'"));
    }

    /** Splits on commas outside quotes; strips quotes and surrounding blanks; handles backslash escapes. */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean wasQuoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                if (cur.toString().isBlank()) {
                    cur.setLength(0);
                }
                quote = c;
                wasQuoted = true;
            } else if (c == ',') {
                out.add(wasQuoted ? cur.toString() : cur.toString().strip());
                cur.setLength(0);
                wasQuoted = false;
            } else if (!(wasQuoted && Character.isWhitespace(c))) {
                cur.append(c);
            }
        }
        out.add(wasQuoted ? cur.toString() : cur.toString().strip());
        return out;
    }
}

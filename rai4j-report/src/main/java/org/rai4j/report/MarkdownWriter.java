package org.rai4j.report;

import java.util.List;

/**
 * Renders a {@link Doc} as GitHub-flavoured Markdown. Charts are replaced by their captions (the
 * numbers are always in a table next to them). Stateless.
 */
final class MarkdownWriter {
    private MarkdownWriter() {}

    static String render(Doc doc) {
        StringBuilder out = new StringBuilder(4096);
        out.append("# ").append(inline(doc.title)).append("\n\n");
        if (doc.subtitle != null) {
            out.append('_').append(inline(doc.subtitle)).append("_\n\n");
        }
        for (Doc.Block b : doc.blocks) {
            if (b instanceof Doc.Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(inline(h.text())).append("\n\n");
            } else if (b instanceof Doc.Paragraph p) {
                out.append(p.emphasis() ? "> " : "").append(inline(p.text())).append("\n\n");
            } else if (b instanceof Doc.Bullets l) {
                l.items().forEach(i -> out.append("- ").append(inline(i)).append('\n'));
                out.append('\n');
            } else if (b instanceof Doc.Table t) {
                table(out, t);
            } else if (b instanceof Doc.Figure f) {
                out.append("_Chart: ").append(inline(f.caption())).append("_\n\n");
            } else if (b instanceof Doc.Code c) {
                out.append("```\n").append(c.text()).append("\n```\n\n");
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, Doc.Table t) {
        if (t.caption() != null) {
            out.append("**").append(inline(t.caption())).append("**\n\n");
        }
        row(out, t.header());
        out.append('|');
        t.header().forEach(h -> out.append(" --- |"));
        out.append('\n');
        t.rows().forEach(r -> row(out, r));
        out.append('\n');
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        cells.forEach(c -> out.append(' ').append(inline(c)).append(" |"));
        out.append('\n');
    }

    /** Escapes characters that Markdown would interpret, and HTML. */
    static String inline(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '_' -> {
                    boolean inWord = i > 0 && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i - 1))
                            && Character.isLetterOrDigit(s.charAt(i + 1));
                    b.append(inWord ? "_" : "\\_");
                }
                case '\\', '`', '*', '[', ']', '#', '|' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\n' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

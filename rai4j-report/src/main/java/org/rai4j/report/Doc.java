package org.rai4j.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A document as a list of simple blocks, rendered to HTML ({@link HtmlWriter}) or Markdown
 * ({@link MarkdownWriter}). Text is plain: the writers escape it. Mutable while being built; not
 * thread-safe.
 */
final class Doc {
    /** A block of a document. */
    sealed interface Block permits Heading, Paragraph, Bullets, Table, Figure, Code {}

    /** A heading; level 2 opens a section. {@code id} is the anchor. */
    record Heading(int level, String text, String id) implements Block {}

    /** A paragraph of plain text; {@code emphasis} renders it as a highlighted note. */
    record Paragraph(String text, boolean emphasis) implements Block {}

    /** A bulleted list of plain-text items. */
    record Bullets(List<String> items) implements Block {}

    /**
     * A table. {@code caption} says what it shows; the first column holds row headers.
     * {@code rowClasses} (same length as rows, entries may be null) mark rows for styling, e.g. "thin".
     */
    record Table(String caption, List<String> header, List<List<String>> rows, List<String> rowClasses) implements Block {}

    /** An inline SVG chart with its caption; the SVG carries its own title and description. Markdown shows the caption only. */
    record Figure(String svg, String caption) implements Block {}

    /** A preformatted block, e.g. a command. */
    record Code(String text) implements Block {}

    final String title;
    final String subtitle;
    final List<Block> blocks = new ArrayList<>();

    Doc(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    Doc h2(String text, String id) {
        blocks.add(new Heading(2, text, id));
        return this;
    }

    Doc h3(String text, String id) {
        blocks.add(new Heading(3, text, id));
        return this;
    }

    Doc p(String text) {
        blocks.add(new Paragraph(text, false));
        return this;
    }

    Doc note(String text) {
        blocks.add(new Paragraph(text, true));
        return this;
    }

    Doc bullets(List<String> items) {
        blocks.add(new Bullets(List.copyOf(items)));
        return this;
    }

    Doc table(String caption, List<String> header, List<List<String>> rows) {
        List<String> none = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            none.add(null);
        }
        return table(caption, header, rows, none);
    }

    Doc table(String caption, List<String> header, List<List<String>> rows, List<String> rowClasses) {
        blocks.add(new Table(caption, List.copyOf(header), rows.stream().map(List::copyOf).toList(),
                java.util.Collections.unmodifiableList(new ArrayList<>(rowClasses))));
        return this;
    }

    Doc figure(String svg, String caption) {
        blocks.add(new Figure(svg, caption));
        return this;
    }

    Doc code(String text) {
        blocks.add(new Code(text));
        return this;
    }

    /** Level-2 headings with their ids, for a table of contents. */
    List<Heading> sections() {
        return blocks.stream().filter(b -> b instanceof Heading h && h.level() == 2).map(b -> (Heading) b).toList();
    }
}

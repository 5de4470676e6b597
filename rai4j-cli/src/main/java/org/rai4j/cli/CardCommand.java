package org.rai4j.cli;

import org.rai4j.fairness.AuditResult;
import org.rai4j.report.AuditJsonReader;
import org.rai4j.report.CardContent;
import org.rai4j.report.OutputFiles;
import org.rai4j.report.ServiceCard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rai4j card}: a service card from an audit (the numbers) and a YAML file (the words). */
@Command(name = "card", mixinStandardHelpOptions = true,
        description = {"Write a service card: intended uses, evaluation data and coverage, performance by group with intervals,",
                "fairness findings, limitations, and how customers test on their own data (rai4j compare)."})
public final class CardCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--audit", required = true, paramLabel = "AUDIT.json", description = "The audit JSON the numbers come from (rai4j audit --json).")
    Path audit;

    @Option(names = "--card", paramLabel = "CARD.yaml", description = "The human-written parts (see docs/service-cards.md); without it the card says what is missing.")
    Path card;

    @Option(names = "--out", required = true, paramLabel = "card.html|card.md", description = "Output file; .html/.htm for HTML, .md for Markdown.")
    Path out;

    @Override
    public Integer call() throws Exception {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean html = name.endsWith(".html") || name.endsWith(".htm");
        if (!html && !name.endsWith(".md")) {
            throw new UserException("--out: expected a file name ending in .html, .htm or .md, got '" + out + "'");
        }
        OutputFiles files = new OutputFiles().input("--audit", audit).input("--card", card);
        files.declare("--out", out);
        AuditResult r = AuditJsonReader.read(audit);
        CardContent content = card == null ? CardContent.empty() : CardContent.read(card);
        String source = audit.getFileName().toString();
        files.put(out, html ? ServiceCard.html(r, content, source) : ServiceCard.markdown(r, content, source));
        files.commit();
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}

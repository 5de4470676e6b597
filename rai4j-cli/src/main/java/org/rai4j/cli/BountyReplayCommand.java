package org.rai4j.cli;

import org.rai4j.bounty.BountyData;
import org.rai4j.bounty.AuditLog;
import org.rai4j.bounty.AuditReplay;
import org.rai4j.bounty.Loss;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rai4j bounty replay}: checks an audit log's hash chain and replays it on the same data,
 * reproducing every decision, node and prediction hash; exit status 1 names the first difference.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Verify an audit log's hash chain and replay it on the same data: every line must be reproduced byte for byte.")
public final class BountyReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--log", required = true, paramLabel = "FILE", description = "The audit log (JSON lines).")
    Path log;

    @Option(names = "--train", required = true, paramLabel = "T.csv", description = "The bounty's training split.")
    Path train;

    @Option(names = "--holdout", required = true, paramLabel = "H.csv", description = "The bounty's holdout.")
    Path holdout;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Label column.")
    String label;

    @Option(names = "--positive", paramLabel = "V", description = "Positive label, as in the bounty.")
    String positive;

    @Option(names = "--loss", defaultValue = "zero-one", paramLabel = "LOSS", description = "zero-one (default) or squared, as in the bounty.")
    String loss;

    @Option(names = "--head", paramLabel = "SHA256", description = "The chain head recorded elsewhere (e.g. 'audit_log_head' of simulate --json): "
            + "the last line must hash to it. Without it the head stored in the log's companion file FILE.head is checked.")
    String head;

    @Override
    public Integer call() throws Exception {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (NoSuchFileException e) {
            throw new UserException(log + ": expected an audit log, but it does not exist");
        }
        if (lines.isEmpty()) {
            throw new UserException(log + ": the audit log is empty");
        }
        String expected = head;
        String from = "--head " + head;
        if (expected == null) {
            Path companion = AuditLog.headFile(log);
            if (!Files.isRegularFile(companion)) {
                throw new UserException(companion + ": the audit log's head file is missing, so a truncated log cannot be told "
                        + "from a complete one; restore it, or pass --head with the 'audit_log_head' of simulate --json");
            }
            expected = Files.readString(companion, StandardCharsets.UTF_8).strip();
            from = "the head recorded in " + companion + " (" + expected + ")";
        }
        if (!org.rai4j.core.Hashing.sha256(lines.get(lines.size() - 1)).equals(expected)) {
            throw new UserException(log + ": the last line (" + lines.size() + ") does not hash to " + from
                    + "; the log was truncated or its end was edited");
        }
        BountyData data = BountyData.load(train, holdout, label, positive, Loss.parse(loss));
        AuditReplay.Result r;
        try {
            r = AuditReplay.replay(lines, data.holdout(), data.train(), data.artifacts());
        } catch (IllegalArgumentException e) {
            throw new UserException(log + ": " + e.getMessage());
        } finally {
            data.artifacts().close();
        }
        var out = spec.commandLine().getOut();
        if (!r.identical()) {
            spec.commandLine().getErr().println("rai4j: error: " + log + ": " + ConsoleText.escape(r.firstMismatch()));
            return 1;
        }
        out.println("hash chain intact; replayed " + r.entries() + " entries: every line reproduced byte for byte");
        out.println("final version " + r.engine().pdl().latestVersion() + ", " + r.engine().pdl().nodes().size()
                + " nodes, holdout prediction sha256 " + r.finalPredictionHash());
        out.flush();
        return 0;
    }
}

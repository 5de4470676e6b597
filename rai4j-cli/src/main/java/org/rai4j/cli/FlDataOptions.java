package org.rai4j.cli;

import org.rai4j.core.DataFileException;
import org.rai4j.federated.CsvFederatedData;
import org.rai4j.federated.FederatedData;
import org.rai4j.federated.FederatedDatasets;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The options that say which federated data set and which clients a run has, shared by {@code fl simulate},
 * {@code fl server} and {@code fl client}: parsing only; the data set and its partition are built by
 * rai4j-federated.
 */
final class FlDataOptions {
    @Option(names = "--dataset", paramLabel = "synthetic:A,B|synthetic:iid|csv:FILE", required = true,
            description = "FedProx Synthetic(alpha, beta), Synthetic-IID, or a CSV file (with --label; partitioned by --partition).")
    String dataset;

    @Option(names = "--label", paramLabel = "COLUMN", description = "csv: the label column.")
    String label;

    @Option(names = "--features", paramLabel = "C1,C2", split = ",",
            description = "csv: the feature columns (default: every column but the label and a natural:COLUMN key).")
    List<String> features;

    @Option(names = "--text", paramLabel = "COLUMN",
            description = "csv: train the embedding-bag text model on this text column (words hashed into --buckets token ids) instead of numeric features.")
    String text;

    @Option(names = "--buckets", paramLabel = "N", description = "csv --text: hash buckets, the text model's embedding rows (default 4096).")
    Integer buckets;

    @Option(names = "--partition", paramLabel = "iid|dirichlet:ALPHA[:MIN]|shards:K|quantity:BETA|natural:COLUMN",
            description = "csv: how rows are dealt to clients (default iid): Dirichlet label skew (each client at least MIN rows, default 2), K label-sorted shards per "
                    + "client, Dirichlet quantity skew, or one client per value of COLUMN.")
    String partition;

    @Option(names = "--clients", paramLabel = "N", description = "Number of devices (default 30; csv natural:COLUMN: one per key value).")
    Integer clients;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the data generation and the training (default ${DEFAULT-VALUE}).")
    long seed;

    /** The population described by --dataset (and --label/--features/--partition/--clients for csv). */
    FederatedData population() {
        String d = dataset.trim();
        int n = clients == null ? 30 : clients;
        if (FederatedDatasets.isSynthetic(d)) {
            if (label != null || features != null || partition != null || text != null || buckets != null) {
                throw new UserException("--label, --features, --text, --buckets and --partition apply to --dataset csv:FILE; synthetic data come partitioned by device");
            }
            try {
                return FederatedDatasets.synthetic(d, n, seed);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
        }
        if (!d.toLowerCase(Locale.ROOT).startsWith("csv:")) {
            throw new UserException("--dataset must be synthetic:A,B, synthetic:iid or csv:FILE, got '" + dataset + "'");
        }
        if (label == null) {
            throw new UserException("--dataset csv:FILE needs --label COLUMN");
        }
        String p = partition == null ? "iid" : partition;
        if (clients != null && p.trim().toLowerCase(Locale.ROOT).startsWith("natural:")) {
            throw new UserException("--clients does not apply to --partition natural:COLUMN (one client per value of the column)");
        }
        if (text != null && features != null) {
            throw new UserException("--features and --text exclude each other: the text model reads only the --text column");
        }
        if (text == null && buckets != null) {
            throw new UserException("--buckets applies to --text only");
        }
        try {
            if (text != null) {
                return CsvFederatedData.loadText(Path.of(d.substring(4).trim()), label, text, buckets == null ? 4096 : buckets, p, n, seed);
            }
            return CsvFederatedData.load(Path.of(d.substring(4).trim()), label, features, p, n, seed);
        } catch (DataFileException e) {
            throw new UserException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** The file --dataset csv:FILE reads, or {@code null} for generated data. */
    Path inputFile() {
        String d = dataset.trim();
        return d.toLowerCase(Locale.ROOT).startsWith("csv:") ? Path.of(d.substring(4).trim()) : null;
    }

    /** How --dataset is recorded in the output. */
    String described() {
        String d = dataset.trim();
        if (!d.toLowerCase(Locale.ROOT).startsWith("csv:")) {
            return d;
        }
        String file = Path.of(d.substring(4).trim()).getFileName().toString();
        return "csv:" + file + " label:" + label + (features == null ? "" : " features:" + String.join(",", features))
                + (text == null ? "" : " text:" + text + " buckets:" + (buckets == null ? 4096 : buckets))
                + " partition:" + (partition == null ? "iid" : partition.trim());
    }

}

package org.rai4j.server.internal;

import java.util.List;

/** The data each page template renders (public only because the precompiled JTE templates live in another package). */
public final class View {
    private View() {}

    /** Common to every page: title, the caller (or null), the form token and an optional message. */
    public record Page(String title, User user, String csrf, String flash, String headStyle) {
        public boolean loggedIn() {
            return user != null;
        }

        public boolean canProvide() {
            return user != null && (user.role().equals("admin") || user.role().equals("provider"));
        }

        public boolean canHunt() {
            return user != null && (user.role().equals("admin") || user.role().equals("hunter"));
        }
    }

    public record User(String name, String role, String team) {}

    public record ModelRow(String id, String name, String kind, String summary, int latestVersion, String bountyId) {}

    public record BountyRow(String id, String title, String status, String modelId, String label, String positive, String base,
                            String alpha, String repairAlpha, int minGroupSize, String guard, int budget,
                            int rate, int trainRows, int holdoutRows) {}

    public record VersionRow(int version, String change, String note, String created) {}

    public record LeaderRow(int rank, String team, long submissions, long accepted) {}

    public record Cell(String text, int level) {}

    public record HeatRow(String team, List<Cell> cells) {}

    public record Heatmap(List<String> features, List<HeatRow> rows) {}

    public record SubmissionRow(String id, String bountyId, String status, String decision, String reason,
                                String group, String model, String mass, String created, String description) {}

    public record Mass(String predicate, String text, boolean ok) {}

    public record LastMileForm(String modelId, boolean hosted, List<String> predictionColumns, String featureHint) {}
}

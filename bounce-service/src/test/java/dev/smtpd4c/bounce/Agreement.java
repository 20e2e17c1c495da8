package dev.smtpd4c.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agreement of parse results with labelled rows (file, n = index of the result in that file,
 * status, reason, hardbounce): the figures, the per-reason confusion and the rows that differ.
 */
final class Agreement {
    int rows, reason, status, hard;
    final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    final List<String> differences = new ArrayList<>();

    /** Adds the labelled rows; a file with fewer results than n (or none) counts as "(none)". */
    Agreement add(Map<String, List<BounceRecord>> results, List<Map<String, String>> labels) {
        for (Map<String, String> row : labels) {
            rows++;
            List<BounceRecord> got = results.getOrDefault(row.get("file"), List.of());
            int i = Integer.parseInt(row.get("n"));
            BounceRecord r = i < got.size() ? got.get(i) : null;
            confusion.computeIfAbsent(row.get("reason"), k -> new TreeMap<>()).merge(r == null ? "(none)" : r.reason(), 1, Integer::sum);
            boolean rs = r != null && r.reason().equals(row.get("reason"));
            boolean ss = r != null && r.status().equals(row.get("status"));
            boolean hs = r != null && String.valueOf(r.hardBounce()).equals(row.get("hardbounce"));
            if (rs) reason++;
            if (ss) status++;
            if (hs) hard++;
            if (!(rs && ss && hs)) {
                differences.add(String.format("%s#%d expected %s %s %s, got %s", row.get("file"), i, row.get("reason"),
                        row.get("status"), row.get("hardbounce"),
                        r == null ? "nothing" : r.reason() + " " + r.status() + " " + r.hardBounce() + " (" + r.decodedBy() + ")"));
            }
        }
        return this;
    }

    Agreement add(Agreement other) {
        rows += other.rows;
        reason += other.reason;
        status += other.status;
        hard += other.hard;
        other.confusion.forEach((k, v) -> v.forEach((g, c) -> confusion.computeIfAbsent(k, x -> new TreeMap<>()).merge(g, c, Integer::sum)));
        differences.addAll(other.differences);
        return this;
    }

    String figures() {
        return String.format("reason %s, status %s, hard/soft %s", pct(reason), pct(status), pct(hard));
    }

    private String pct(int x) { return String.format("%.1f%% (%d/%d)", rows == 0 ? 0.0 : 100.0 * x / rows, x, rows); }

    /** The confusion as a Markdown table: expected reason, then our reasons with counts (agreeing first). */
    String confusionTable() {
        StringBuilder b = new StringBuilder("| expected | ours |\n|---|---|\n");
        confusion.forEach((expected, got) -> {
            List<String> cells = new ArrayList<>();
            if (got.containsKey(expected)) cells.add(expected + " " + got.get(expected));
            got.entrySet().stream().filter(e -> !e.getKey().equals(expected))
                    .sorted((a, c) -> c.getValue() - a.getValue()).forEach(e -> cells.add(e.getKey() + " " + e.getValue()));
            b.append("| ").append(expected).append(" | ").append(String.join(", ", cells)).append(" |\n");
        });
        return b.toString();
    }
}

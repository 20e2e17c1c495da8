package dev.smtpd4c.bounce;

import dev.smtpd4c.bounce.classify.Classifier;
import dev.smtpd4c.bounce.parse.Formats;
import dev.smtpd4c.bounce.parse.RawFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Agreement with a labelled corpus (bench/bounce-agreement.sh): figures, files Sisimai 5.3.0
 * reads and we do not, the per-reason confusion table, the rows that differ, and a
 * leave-one-family-out (LOFO) figure.
 *
 * <p>LOFO estimates how the classifier does on mail it was not tuned on. A family is a sender
 * family as the file name gives it ("lhost-postfix", "rhost-google", "rfc3464"). A data-file
 * entry (a reason phrase, a vendor category, a remote-host hint) that occurs only in one family's
 * results was, in effect, learnt from that family; each family is scored with such entries of its
 * own left out. Code rules and formats cannot be left out this way, so LOFO still flatters them.
 * Entry use is judged on the recorded diagnostic (its first 600 characters).
 *
 * <p>Usage: AgreementMain CORPUS_DIR [LABELS_FILE] — CORPUS_DIR holds the .eml files and,
 * unless LABELS_FILE is given, expected.author.jsonl. With -Dagreement.entries=true it also lists
 * the data entries that occur in one family only.
 */
public final class AgreementMain {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/corpus/bounces");
        Path labelsFile = args.length > 1 ? Path.of(args[1]) : root.resolve("expected.author.jsonl");
        List<Map<String, String>> labels = Corpus.rows(labelsFile);
        BounceParser parser = new BounceParser();
        Map<String, Path> files = new TreeMap<>();
        Map<String, List<BounceRecord>> results = new HashMap<>();
        for (Path p : Corpus.files(root, ".")) {
            String rel = root.relativize(p).toString();
            files.put(rel, p);
            results.put(rel, parser.parse(Files.readAllBytes(p)));
        }
        Agreement all = new Agreement().add(results, labels);
        System.out.println("labels: " + labelsFile + ", " + labels.size() + " rows; corpus: " + files.size() + " files");
        System.out.println("agreement: " + all.figures());
        Path sisimai = root.resolve("expected.sisimai-5.3.0.jsonl");
        if (Files.exists(sisimai)) {
            Set<String> missing = new TreeSet<>();
            for (Map<String, String> row : Corpus.rows(sisimai)) {
                if (results.getOrDefault(row.get("file"), List.of()).isEmpty()) missing.add(row.get("file"));
            }
            System.out.println("files Sisimai 5.3.0 reads and we do not: " + missing.size() + (missing.isEmpty() ? "" : " " + missing));
        }
        Agreement lofo = lofo(labels, files, results);
        System.out.println();
        System.out.println("per-reason confusion (expected -> ours, count):");
        System.out.print(all.confusionTable());
        System.out.println();
        System.out.println("rows that differ (" + all.differences.size() + "):");
        all.differences.forEach(d -> System.out.println("  " + d));
        System.out.println();
        List<String> onlyLofo = lofo.differences.stream().filter(d -> !all.differences.contains(d)).toList();
        System.out.println("rows that differ only when their family's own entries are left out (" + onlyLofo.size() + "):");
        onlyLofo.forEach(d -> System.out.println("  " + d));
    }

    private static Agreement lofo(List<Map<String, String>> labels, Map<String, Path> files, Map<String, List<BounceRecord>> results)
            throws Exception {
        Classifier full = new Classifier(e -> true);
        Map<String, Set<String>> familiesOfEntry = new HashMap<>();
        results.forEach((file, records) -> {
            for (BounceRecord r : records) {
                RawFailure f = RawFailure.builder().recipient(r.recipient()).diagnostic(r.diagnosticCode())
                        .command(r.smtpCommand()).remoteMta(r.remoteMta()).build();
                for (String e : full.entriesIn(f)) familiesOfEntry.computeIfAbsent(e, k -> new HashSet<>()).add(family(file));
            }
        });
        Map<String, List<Map<String, String>>> labelsByFamily = new TreeMap<>();
        for (Map<String, String> row : labels) labelsByFamily.computeIfAbsent(family(row.get("file")), k -> new java.util.ArrayList<>()).add(row);
        Agreement total = new Agreement();
        int ownEntries = 0;
        for (var fam : labelsByFamily.entrySet()) {
            Set<String> own = new HashSet<>();
            familiesOfEntry.forEach((e, fams) -> { if (fams.size() == 1 && fams.contains(fam.getKey())) own.add(e); });
            ownEntries += own.size();
            Map<String, List<BounceRecord>> got = new HashMap<>();
            BounceParser without = own.isEmpty() ? null : new BounceParser(Formats.ALL, new Classifier(e -> !own.contains(e)));
            for (Map<String, String> row : fam.getValue()) {
                String file = row.get("file");
                if (got.containsKey(file)) continue;
                Path p = files.get(file);
                got.put(file, p == null ? List.of() : without == null ? results.get(file) : without.parse(Files.readAllBytes(p)));
            }
            total.add(new Agreement().add(got, fam.getValue()));
        }
        if (Boolean.getBoolean("agreement.entries")) {
            System.out.println("data entries that occur in one family only:");
            new TreeMap<>(familiesOfEntry).forEach((e, fams) -> { if (fams.size() == 1) System.out.println("  " + fams.iterator().next() + "  " + e); });
        }
        System.out.println("leave-one-family-out: " + total.figures() + "; " + labelsByFamily.size() + " families, "
                + ownEntries + " of " + familiesOfEntry.size() + " data entries in use occur in one family only");
        return total;
    }

    /** "maildir/bsd/lhost-postfix-75.eml" gives "lhost-postfix". */
    static String family(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.eml$", "");
        return name.replaceFirst("-\\d+$", "");
    }
}

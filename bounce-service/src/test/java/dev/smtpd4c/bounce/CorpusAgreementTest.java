package dev.smtpd4c.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agreement with the corpus author's own labels (expected.author.jsonl), matched by file and
 * result index n. Prints the per-reason confusion table. The floors asserted here are the
 * figures reached so far, so that a change cannot silently make things worse; the project
 * targets (reason 95%, status 98%, hard/soft 98%) are printed beside them.
 */
class CorpusAgreementTest {
    static final double REASON_FLOOR = 0.953, STATUS_FLOOR = 0.979, HARD_FLOOR = 0.979;
    static final double REASON_TARGET = 0.95, STATUS_TARGET = 0.98, HARD_TARGET = 0.98;

    static final Map<String, List<BounceRecord>> RESULTS = new HashMap<>();

    @BeforeAll
    static void parseAll() throws Exception {
        BounceParser parser = new BounceParser();
        for (Path p : Corpus.files(".")) RESULTS.put(Corpus.rel(p), parser.parse(Files.readAllBytes(p)));
    }

    @Test
    void agreesWithAuthorLabels() throws Exception {
        Agreement a = new Agreement().add(RESULTS, Corpus.rows("expected.author.jsonl"));
        System.out.printf("author labels: %d rows; %s (targets: reason %.0f%%, status %.0f%%, hard/soft %.0f%%)%n",
                a.rows, a.figures(), 100 * REASON_TARGET, 100 * STATUS_TARGET, 100 * HARD_TARGET);
        System.out.print(a.confusionTable());
        assertTrue(a.reason >= REASON_FLOOR * a.rows, "reason agreement fell below the floor");
        assertTrue(a.status >= STATUS_FLOOR * a.rows, "status agreement fell below the floor");
        assertTrue(a.hard >= HARD_FLOOR * a.rows, "hardbounce agreement fell below the floor");
    }

    @Test
    void readsEveryFileSisimai5Reads() throws Exception {
        TreeSet<String> missing = new TreeSet<>();
        for (Map<String, String> row : Corpus.rows("expected.sisimai-5.3.0.jsonl")) {
            if (RESULTS.getOrDefault(row.get("file"), List.of()).isEmpty()) missing.add(row.get("file"));
        }
        System.out.println("files Sisimai 5.3.0 reads and we do not: " + missing);
        assertEquals(new TreeSet<String>(), missing);
    }

    /**
     * rb-issue-368 is left out on purpose: it is a real "Mailbox full" rejection notice from a
     * postmaster (a soft bounce by content), which Sisimai's corpus files under "not a bounce".
     */
    @Test
    void notBouncesGiveNoResult() {
        assertEquals(List.of(), RESULTS.get("maildir/not/is-not-bounce-01.eml"));
    }

    /** CRLF (dos/) and CR-only (mac/) copies must read exactly like their LF (bsd/) twins. */
    @Test
    void lineEndingsDoNotMatter() {
        List<String> differ = new ArrayList<>();
        int compared = 0;
        for (String f : RESULTS.keySet()) {
            if (!f.startsWith("maildir/dos/") && !f.startsWith("maildir/mac/")) continue;
            List<BounceRecord> twin = RESULTS.get("maildir/bsd/" + f.substring(f.lastIndexOf('/') + 1));
            if (twin == null) continue;
            compared++;
            if (!key(RESULTS.get(f)).equals(key(twin))) differ.add(f);
        }
        assertTrue(compared >= 70, "too few twins compared: " + compared);
        assertEquals(List.of(), differ);
    }

    private static List<String> key(List<BounceRecord> rs) {
        return rs.stream().map(r -> r.recipient() + "|" + r.reason() + "|" + r.status() + "|" + r.replyCode()).toList();
    }
}

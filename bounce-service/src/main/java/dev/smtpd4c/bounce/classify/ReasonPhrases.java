package dev.smtpd4c.bounce.classify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * The phrases of every reason, from {@code /bounce/reasons/<reason>.txt}, compiled into one
 * {@link PhraseMatcher}. A phrase is lower-case text; '*' inside it stands for any text. A phrase
 * written with a leading '!' is decisive: it names its reason so precisely that it beats the
 * ordinary phrases of reasons tried earlier. Providers' own error categories
 * ({@code /bounce/vendor-categories.txt}) are decisive too.
 */
final class ReasonPhrases {
    /** What a text says: the reasons whose phrases occur, ordinary and decisive. */
    record Hits(EnumSet<Reason> ordinary, EnumSet<Reason> decisive) {
        boolean isEmpty() { return ordinary.isEmpty() && decisive.isEmpty(); }

        boolean has(Reason r) { return ordinary.contains(r) || decisive.contains(r); }
    }

    static final String VENDOR_CATEGORIES = "vendor-categories.txt";

    private final PhraseMatcher matcher;
    private final Reason[] reasonOf;
    private final boolean[] decisive;

    private final String[] entryOf;

    ReasonPhrases(List<Reason> reasons, Predicate<String> keep) {
        List<String> phrases = new ArrayList<>();
        List<Reason> owners = new ArrayList<>();
        List<Boolean> strong = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (Reason r : reasons) {
            String file = "reasons/" + r.id() + ".txt";
            for (String line : Resources.lines("/bounce/" + file)) {
                if (!keep.test(file + ": " + line)) continue;
                boolean d = line.startsWith("!");
                phrases.add(d ? line.substring(1).trim() : line);
                owners.add(r);
                strong.add(d);
                entries.add(file + ": " + line);
            }
        }
        // A provider's own error category ("reason phrase" per line) names its reason outright.
        for (String line : Resources.lines("/bounce/" + VENDOR_CATEGORIES)) {
            String[] f = line.split("\\s+", 2);
            Reason r = f.length == 2 ? Reason.of(f[0]) : null;
            if (r == null) throw new IllegalStateException("bad line in " + VENDOR_CATEGORIES + ": " + line);
            if (!keep.test(VENDOR_CATEGORIES + ": " + line)) continue;
            phrases.add(f[1]);
            owners.add(r);
            strong.add(true);
            entries.add(VENDOR_CATEGORIES + ": " + line);
        }
        matcher = new PhraseMatcher(phrases);
        reasonOf = owners.toArray(Reason[]::new);
        entryOf = entries.toArray(String[]::new);
        decisive = new boolean[strong.size()];
        for (int i = 0; i < decisive.length; i++) decisive[i] = strong.get(i);
    }

    /** Names ("file: line") of the entries whose phrase occurs in the lower-case text. */
    List<String> entriesIn(String lower) {
        boolean[] found = matcher.find(lower);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < found.length; i++) if (found[i]) out.add(entryOf[i]);
        return out;
    }

    Hits find(String lower) {
        boolean[] found = matcher.find(lower);
        EnumSet<Reason> ordinary = EnumSet.noneOf(Reason.class), strong = EnumSet.noneOf(Reason.class);
        for (int i = 0; i < found.length; i++) if (found[i]) (decisive[i] ? strong : ordinary).add(reasonOf[i]);
        return new Hits(ordinary, strong);
    }
}

package dev.smtpd4c.bounce.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Many lower-case phrases found in one pass (Aho–Corasick automaton compiled to a dense table), so
 * classifying a text costs one walk over it however many patterns the reason files hold. A phrase
 * may have gaps ("no such * here"): the automaton finds its first piece, and the later pieces are
 * checked once, in order, from that first (earliest, hence best) occurrence. Linear, no regex.
 */
final class PhraseMatcher {
    private final char[] classOf = new char[Character.MAX_VALUE + 1]; // char -> column; 0 = not in any phrase
    private final int width;
    private final int[] next;          // state * width + column -> state
    private final int[][] outputs;     // state -> phrase indexes ending here (own and via failure links)
    private final String[][] pieces;   // phrase index -> its pieces; pieces[i][0] is what the automaton finds

    PhraseMatcher(List<String> phrases) {
        pieces = new String[phrases.size()][];
        int columns = 1;
        for (int i = 0; i < phrases.size(); i++) {
            pieces[i] = Arrays.stream(phrases.get(i).split("\\*")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
            if (pieces[i].length == 0) pieces[i] = new String[] {phrases.get(i)};
            for (char c : pieces[i][0].toCharArray()) if (classOf[c] == 0) classOf[c] = (char) columns++;
        }
        width = columns;
        // Trie of first pieces.
        List<int[]> rows = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        rows.add(new int[width]);
        out.add(new ArrayList<>());
        for (int i = 0; i < pieces.length; i++) {
            int s = 0;
            for (char c : pieces[i][0].toCharArray()) {
                int col = classOf[c];
                if (rows.get(s)[col] == 0) {
                    rows.get(s)[col] = rows.size();
                    rows.add(new int[width]);
                    out.add(new ArrayList<>());
                }
                s = rows.get(s)[col];
            }
            out.get(s).add(i);
        }
        // Breadth-first failure links, folded into the table so matching never follows a link.
        int[] fail = new int[rows.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int col = 1; col < width; col++) if (rows.get(0)[col] != 0) queue.add(rows.get(0)[col]);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.get(s).addAll(out.get(fail[s]));
            for (int col = 1; col < width; col++) {
                int t = rows.get(s)[col];
                if (t != 0) {
                    fail[t] = rows.get(fail[s])[col];
                    queue.add(t);
                } else {
                    rows.get(s)[col] = rows.get(fail[s])[col];
                }
            }
        }
        next = new int[rows.size() * width];
        outputs = new int[rows.size()][];
        for (int s = 0; s < rows.size(); s++) {
            System.arraycopy(rows.get(s), 0, next, s * width, width);
            outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Which phrases occur in the lower-case text; {@code found[i]} is set for phrase i. */
    boolean[] find(String lower) {
        boolean[] found = new boolean[pieces.length];
        boolean[] tried = new boolean[pieces.length];
        int s = 0;
        for (int i = 0, n = lower.length(); i < n; i++) {
            s = next[s * width + classOf[lower.charAt(i)]];
            for (int p : outputs[s]) {
                if (tried[p]) continue;
                tried[p] = true;
                found[p] = restFollows(lower, i + 1, pieces[p]);
            }
        }
        return found;
    }

    private static boolean restFollows(String lower, int from, String[] parts) {
        int at = from;
        for (int k = 1; k < parts.length; k++) {
            int f = lower.indexOf(parts[k], at);
            if (f < 0) return false;
            at = f + parts[k].length();
        }
        return true;
    }
}

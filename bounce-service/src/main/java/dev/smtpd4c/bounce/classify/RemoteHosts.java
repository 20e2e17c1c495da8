package dev.smtpd4c.bounce.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What an error text means at one provider, from {@code /bounce/remote-hosts.txt}: a line
 * {@code host-suffixes command reason phrase} says that when the host that answered (else the
 * recipient's domain) ends in one of the (comma-separated) suffixes, the reply answered that SMTP command ('-' for any) and
 * the text contains the phrase ('*' for any text between its pieces), the reason is the one given
 * — whatever the phrase would mean elsewhere. A few lines, each checked with indexOf: linear.
 */
final class RemoteHosts {
    private record Hint(String[] suffixes, String command, Reason reason, String[] pieces, String entry) {}

    private final List<Hint> hints = new ArrayList<>();

    RemoteHosts(String resource, Predicate<String> keep) {
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        for (String line : Resources.lines(resource)) {
            String[] f = line.split("\\s+", 4);
            Reason r = f.length == 4 ? Reason.of(f[2]) : null;
            if (r == null) throw new IllegalStateException("bad line in " + resource + ": " + line);
            String[] pieces = java.util.Arrays.stream(f[3].split("\\*")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
            String entry = file + ": " + line;
            if (keep.test(entry)) hints.add(new Hint(f[0].split(","), f[1].toUpperCase(java.util.Locale.ROOT), r, pieces, entry));
        }
    }

    /** The provider's meaning of the text, or null. {@code host} and {@code lower} are lower case. */
    Reason hint(String host, String command, String lower) {
        Hint h = first(host, command, lower);
        return h == null ? null : h.reason;
    }

    /** The name ("file: line") of the entry that applies, as a list of at most one. */
    List<String> entriesIn(String host, String command, String lower) {
        Hint h = first(host, command, lower);
        return h == null ? List.of() : List.of(h.entry);
    }

    private Hint first(String host, String command, String lower) {
        if (host.isEmpty()) return null;
        for (Hint h : hints) {
            if (!atHost(host, h.suffixes)) continue;
            if (!h.command.equals("-") && !h.command.equals(command)) continue;
            if (contains(lower, h.pieces)) return h;
        }
        return null;
    }

    private static boolean atHost(String host, String[] suffixes) {
        for (String s : suffixes) if (host.equals(s) || host.endsWith("." + s)) return true;
        return false;
    }

    private static boolean contains(String lower, String[] pieces) {
        int at = 0;
        for (String p : pieces) {
            int f = lower.indexOf(p, at);
            if (f < 0) return false;
            at = f + p.length();
        }
        return true;
    }
}

package dev.smtpd4c.bounce.bench;

import dev.smtpd4c.bounce.BounceParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmarks for bench/bounce-bench.sh.
 * {@code ParseBench throughput DIR}: steady-state parse rate over the messages in DIR, held in memory.
 * {@code ParseBench hostile}: parse time (best of 5) of hostile inputs at growing sizes, to show time linear in size.
 */
public final class ParseBench {
    private ParseBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("throughput")) throughput(Path.of(args[1]));
        else if (args.length >= 1 && args[0].equals("hostile")) hostile();
        else System.err.println("usage: ParseBench throughput DIR | hostile");
    }

    static void throughput(Path dir) throws IOException {
        List<byte[]> msgs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) msgs.add(Files.readAllBytes(p));
        }
        long bytes = msgs.stream().mapToLong(b -> b.length).sum();
        BounceParser parser = new BounceParser();
        long sink = 0;
        for (long end = System.nanoTime() + 5_000_000_000L; System.nanoTime() < end; ) for (byte[] m : msgs) sink += parser.parse(m).size();
        int rounds = 0;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 10_000_000_000L) {
            for (byte[] m : msgs) sink += parser.parse(m).size();
            rounds++;
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf("throughput: %d messages (%.1f MB) x %d rounds in %.1f s: %.0f messages/s, %.1f MB/s (sink %d)%n",
                msgs.size(), bytes / 1e6, rounds, sec, msgs.size() * rounds / sec, bytes * rounds / 1e6 / sec, sink);
    }

    static void hostile() {
        BounceParser parser = new BounceParser();
        String[] names = {"big message", "100k header lines at scale 4", "nested multiparts", "line without breaks", "HTML '&' without ';'"};
        for (int kind = 0; kind < names.length; kind++) {
            for (int scale : new int[] {1, 2, 4}) {
                byte[] in = make(kind, scale);
                parser.parse(in); // warm
                long best = Long.MAX_VALUE; // the best of 5: on a shared machine the others only add pauses
                for (int i = 0; i < 5; i++) {
                    long t0 = System.nanoTime();
                    parser.parse(in);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                double ms = best / 1e6;
                System.out.printf("hostile %-28s scale %d: %,12d bytes  %8.1f ms  %.2f ms/MB%n", names[kind], scale, in.length, ms, ms / (in.length / 1e6));
            }
        }
    }

    /** Scale 1 is roughly: 3.75 MB message, 25,000 header lines, 250 nested multiparts, 3.75 MB line, 3.75 MB of '&'; scale 4 is the full size. */
    static byte[] make(int kind, int scale) {
        StringBuilder sb = new StringBuilder();
        String head = "From: MAILER-DAEMON@mx.example\nSubject: Undelivered Mail Returned to Sender\n";
        switch (kind) {
            case 0 -> {
                sb.append(head).append("Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\n\n");
                String line = "<user@example.org>: 550 5.1.1 user unknown, mailbox full, blocked using zen.spamhaus.org\n";
                while (sb.length() < scale * 3_750_000) sb.append(line);
                sb.append("--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx\n\nFinal-Recipient: rfc822; a@b.example\nStatus: 5.1.1\n--b--\n");
            }
            case 1 -> {
                sb.append(head);
                for (int i = 0; i < scale * 25_000; i++) sb.append("X-Header-").append(i).append(": value ").append(i).append('\n');
                sb.append("\n<a@b.example>: 550 5.1.1 unknown\n");
            }
            case 2 -> {
                sb.append(head);
                for (int i = 0; i < scale * 250; i++) sb.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n--b").append(i).append('\n');
                sb.append("\n<a@b.example>: 550 5.1.1 unknown\n");
            }
            case 3 -> {
                sb.append(head).append('\n').append("<a@b.example>: 550 ");
                while (sb.length() < scale * 3_750_000) sb.append("x@y.z =?= <a@b.c> 5.1. 550-");
            }
            default -> { // an HTML-only bounce of entity starts that never end
                sb.append(head).append("Content-Type: text/html\n\n<p>&lt;a@b.example&gt;: 550 5.1.1 unknown</p>");
                sb.append("&".repeat(scale * 3_750_000));
            }
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}

package dev.smtpd4c.bounce.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Turns a corpus message into a hostile one. Each kind aims at a part of the reader: byte flips
 * and truncation at every scanner's bounds checks, splices at format detection, repeated
 * sections at anything quadratic, boundary games at the MIME reader, and long lines and header
 * floods at the line and field caps.
 */
final class Mutator {
    static final int MAX_SIZE = 4 << 20;
    private static final byte[][] TOKENS = bytes("\n", "\r", "\r\n", ":", ";", "=", "?", "\"", "<", ">", "@", "--", "\t",
            "=?utf-8?B?", "=?iso-2022-jp?Q?", "Content-Type: multipart/mixed; boundary=x\n", "Content-Type: message/rfc822\n",
            "Content-Type: message/delivery-status\n", "Final-Recipient: rfc822; a@b.example\n", "Status: 5.1.1\n",
            "Diagnostic-Code: smtp; 550 5.1.1 user unknown\n", "\n--x\n", "\n--x--\n", "Content-Transfer-Encoding: base64\n",
            "Content-Transfer-Encoding: quoted-printable\n", "=\n", "=3D=0", "From MAILER-DAEMON Thu Apr 29 23:34:45 2010\n",
            ">>> RCPT To:<a@b.example>\n", "<<< 550 5.1.1 User unknown\n", "\u00ff\u00fe", "\u0000");

    private final Random rnd;
    private final List<byte[]> corpus;

    Mutator(Random rnd, List<byte[]> corpus) { this.rnd = rnd; this.corpus = corpus; }

    /** One to four mutations of a random corpus message. */
    byte[] next() {
        byte[] b = corpus.get(rnd.nextInt(corpus.size()));
        for (int k = 1 + rnd.nextInt(4); k > 0 && b.length < MAX_SIZE; k--) b = mutate(b);
        return b.length > MAX_SIZE ? Arrays.copyOf(b, MAX_SIZE) : b;
    }

    private byte[] mutate(byte[] b) {
        if (b.length == 0) return TOKENS[rnd.nextInt(TOKENS.length)];
        int at = rnd.nextInt(b.length), len = 1 + rnd.nextInt(Math.min(b.length - at, 4096));
        boolean big = rnd.nextInt(8) == 0; // most inputs stay message-sized, so the median is a real one
        return switch (rnd.nextInt(12)) {
            case 0, 9, 10 -> flip(b);
            case 1 -> Arrays.copyOf(b, at); // truncation
            case 2 -> splice(b, at, corpus.get(rnd.nextInt(corpus.size())));
            case 3 -> repeat(b, at, len, 2 + rnd.nextInt(big ? 2000 : 8));
            case 4 -> insert(b, at, TOKENS[rnd.nextInt(TOKENS.length)], 1 + rnd.nextInt(big ? 5000 : 3));
            case 5 -> boundaryGame(b);
            case 6 -> insert(b, at, new byte[] {'a'}, 1000 + rnd.nextInt(big ? 1_000_000 : 10_000)); // a long line
            case 7 -> insert(b, 0, "X-Flood: y\n".getBytes(StandardCharsets.ISO_8859_1), 100 + rnd.nextInt(big ? 100_000 : 2_000));
            default -> lineEnds(b);
        };
    }

    private byte[] flip(byte[] b) {
        byte[] c = b.clone();
        for (int n = 1 + rnd.nextInt(32); n > 0; n--) c[rnd.nextInt(c.length)] ^= (byte) (1 << rnd.nextInt(8));
        return c;
    }

    private byte[] splice(byte[] a, int at, byte[] other) {
        int from = other.length == 0 ? 0 : rnd.nextInt(other.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(a, 0, at);
        out.write(other, from, other.length - from);
        return out.toByteArray();
    }

    private static byte[] repeat(byte[] b, int at, int len, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at + len);
        for (int i = 1; i < times && out.size() < MAX_SIZE; i++) out.write(b, at, len);
        out.write(b, at + len, b.length - at - len);
        return out.toByteArray();
    }

    private static byte[] insert(byte[] b, int at, byte[] token, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        for (int i = 0; i < times && out.size() < MAX_SIZE; i++) out.write(token, 0, token.length);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    /** Duplicates, drops or unterminates the message's MIME boundary lines, or nests new multiparts. */
    private byte[] boundaryGame(byte[] b) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("\n--");
        if (at < 0) return insert(b, rnd.nextInt(b.length), "\n--x\nContent-Type: multipart/mixed; boundary=x\n\n--x\n"
                .getBytes(StandardCharsets.ISO_8859_1), 1 + rnd.nextInt(300));
        int eol = s.indexOf('\n', at + 1);
        String line = s.substring(at, eol < 0 ? s.length() : eol);
        // Every occurrence of the line is replaced, so the output can be s.length() times the
        // repeat count: keep that under 2 x MAX_SIZE (seed 20261130 ran the driver out of heap).
        int times = 2 + rnd.nextInt(500);
        if ((long) s.length() * times > 2L * MAX_SIZE) times = 2;
        final int repeat = times;
        String out = switch (rnd.nextInt(4)) {
            case 0 -> s.replace(line, "");
            case 1 -> s.replace(line, line.repeat(repeat));
            case 2 -> s.replace(line + "--", line);
            default -> s.replace(line, line + "\nContent-Type: multipart/mixed; boundary=\"" + line.substring(3) + "\"\n" + line);
        };
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] lineEnds(byte[] b) {
        byte[] c = b.clone();
        byte to = rnd.nextBoolean() ? (byte) '\r' : (byte) ' ';
        for (int i = 0; i < c.length; i++) if (c[i] == '\n' && rnd.nextInt(4) == 0) c[i] = to;
        return c;
    }

    private static byte[][] bytes(String... s) {
        byte[][] out = new byte[s.length][];
        for (int i = 0; i < s.length; i++) out[i] = s[i].getBytes(StandardCharsets.ISO_8859_1);
        return out;
    }
}

package dev.smtpd4c.bounce;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtpd4c.bounce.classify.Reason;
import dev.smtpd4c.bounce.mail.ParsedMessage;
import dev.smtpd4c.bounce.parse.BounceFormat;
import dev.smtpd4c.bounce.parse.Formats;
import dev.smtpd4c.bounce.parse.RawFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Junk, truncated and mutated mail fed to the MIME reader and to every format directly: no exception, sane results. */
class JunkInputTest {
    final BounceParser parser = new BounceParser();

    @Test
    void randomBytes() {
        Random rnd = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] b = new byte[rnd.nextInt(4000)];
            rnd.nextBytes(b);
            feed(b);
        }
    }

    @Test
    void truncatedAndMutatedCorpus() throws Exception {
        Random rnd = new Random(7);
        for (Path p : Corpus.files("maildir/bsd")) {
            byte[] b = Files.readAllBytes(p);
            for (int k = 1; k <= 8; k++) feed(java.util.Arrays.copyOf(b, b.length * k / 9));
            byte[] m = b.clone();
            for (int k = 0; k < 20; k++) m[rnd.nextInt(m.length)] = (byte) "\n\r:;=?\"<>@-\t".charAt(rnd.nextInt(12));
            feed(m);
        }
    }

    /** Inputs the fuzz driver (bench/bounce-fuzz.sh) once flagged, kept as regressions. */
    @Test
    void fuzzFindings() throws Exception {
        try (var s = Files.list(Path.of("src/test/resources/fuzz"))) {
            for (Path p : s.sorted().toList()) feed(Files.readAllBytes(p));
        }
    }

    @Test
    void hostileShapes() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 500; i++) deep.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        feed(deep.toString().getBytes(StandardCharsets.ISO_8859_1));
        feed(("From: MAILER-DAEMON@x.example\nSubject: Undelivered\n\n" + "a@b.example ".repeat(100_000)).getBytes(StandardCharsets.ISO_8859_1));
        feed(("X: y\n".repeat(100_000) + "\nbody").getBytes(StandardCharsets.ISO_8859_1));
        feed(("Subject: =?utf-8?B?" + "QUFB".repeat(50_000) + "\n\n=?x?Q?" + "=".repeat(10_000)).getBytes(StandardCharsets.ISO_8859_1));
        feed(("Content-Type: multipart/report; boundary=x\n\n--x\nContent-Type: message/delivery-status\n\n"
                + "Final-Recipient: rfc822; a@b.example\n".repeat(20_000)).getBytes(StandardCharsets.ISO_8859_1));
        feed("\r\r\r\n\n\r".repeat(10_000).getBytes(StandardCharsets.ISO_8859_1));
        feed(new byte[0]);
    }

    private void feed(byte[] raw) {
        for (BounceRecord r : parser.parse(raw)) {
            assertNotNull(Reason.of(r.reason()), r.reason());
            assertTrue(!r.recipient().isEmpty() && r.diagnosticCode().length() <= 600, r.toString());
        }
        ParsedMessage m = ParsedMessage.parse(raw);
        for (BounceFormat f : Formats.ALL) {
            Optional<List<RawFailure>> got = f.decode(m); // must not throw
            assertNotNull(got, f.name());
        }
    }
}

package dev.smtpd4c.auth.dkim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.smtpd4c.auth.arc.ArcChainStatus;
import dev.smtpd4c.auth.arc.ArcValidator;
import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.message.HeaderField;
import dev.smtpd4c.auth.message.MessageParser;
import dev.smtpd4c.auth.message.ParsedMessage;
import dev.smtpd4c.auth.message.RawMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds garbage, mutated real messages and pathological sizes to every parser and to the
 * verifiers: nothing may throw, and nothing may take more than linear time.
 */
class JunkInputTest {

    private static final Random RANDOM = new Random(20261128L);
    private static final byte[] ALPHABET = "aAbhvdsilqtxz=;: \t\r\n@.-_/+0123456789\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    private static final Duration LINEAR = Duration.ofSeconds(10);

    private static byte[] junk(int max) {
        byte[] b = new byte[RANDOM.nextInt(max)];
        for (int i = 0; i < b.length; i++) {
            b[i] = RANDOM.nextBoolean() ? ALPHABET[RANDOM.nextInt(ALPHABET.length)] : (byte) RANDOM.nextInt(256);
        }
        return b;
    }

    private static String junkText(int max) {
        return new String(junk(max), StandardCharsets.ISO_8859_1);
    }

    @Test
    void parsersNeverThrowOnRandomInput() {
        for (int i = 0; i < 5000; i++) {
            byte[] bytes = junk(400);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertDoesNotThrow(() -> {
                MessageParser.parse(bytes);
                TagList.parse(text);
                DkimKeyRecordParser.parse(text);
                HeaderField field = HeaderField.of("DKIM-Signature", text);
                DkimSignatureParser.parse(field, DkimSignatureParser.Kind.DKIM_SIGNATURE);
                DkimSignatureParser.parse(field, DkimSignatureParser.Kind.ARC_MESSAGE_SIGNATURE);
                Canonicalization.RELAXED.header(field);
                Canonicalization.RELAXED.body(bytes);
                Canonicalization.SIMPLE.body(bytes);
            }, () -> "input: " + TagList.printable(text));
        }
    }

    @Test
    void verifiersNeverThrowOnMutatedSignedMessages() throws Exception {
        byte[] dkim = TestResources.bytes("conformance/dkim-vectors/rfc8463/signed.eml");
        InMemoryDns dns = DkimConformanceTest.rfc8463Dns();
        DkimVerifier dkimVerifier = new DkimVerifier(dns, DkimConformanceTest.CLOCK);
        ArcValidator arcValidator = new ArcValidator(dns, DkimConformanceTest.CLOCK);
        for (int i = 0; i < 500; i++) {
            byte[] mutated = mutate(dkim);
            assertDoesNotThrow(() -> {
                if (MessageParser.parse(mutated) instanceof ParsedMessage.Ok ok) {
                    dkimVerifier.verify(ok.message());
                    arcValidator.validate(ok.message());
                    RawMessage asArc = arcLike(ok.message());
                    arcValidator.validate(asArc);
                }
            });
        }
    }

    /** Renames DKIM-Signature fields to ARC ones so the ARC parsers see realistic tag lists. */
    private static RawMessage arcLike(RawMessage m) {
        java.util.List<HeaderField> hs = new java.util.ArrayList<>();
        String[] names = {"ARC-Seal", "ARC-Message-Signature", "ARC-Authentication-Results"};
        for (HeaderField h : m.headers()) {
            hs.add(h.hasName("DKIM-Signature") ? HeaderField.of(names[RANDOM.nextInt(3)], h.rawValue() + "; i=1; cv=none") : h);
        }
        return new RawMessage(hs, m.body());
    }

    private static byte[] mutate(byte[] in) {
        byte[] out = in.clone();
        int edits = 1 + RANDOM.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = RANDOM.nextInt(out.length);
            switch (RANDOM.nextInt(3)) {
                case 0 -> out[at] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
                case 1 -> out = splice(out, at, junk(20));
                default -> out = splice(out, at, new byte[0], Math.min(out.length - at, RANDOM.nextInt(30)));
            }
        }
        return out;
    }

    private static byte[] splice(byte[] in, int at, byte[] insert) {
        return splice(in, at, insert, 0);
    }

    private static byte[] splice(byte[] in, int at, byte[] insert, int delete) {
        byte[] out = new byte[in.length - delete + insert.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(in, at + delete, out, at + insert.length, in.length - at - delete);
        return out;
    }

    @Test
    void pathologicalSizesStayLinear() {
        assertTimeoutPreemptively(LINEAR, () -> {
            assertInstanceOf(TagList.Result.Invalid.class, TagList.parse(";".repeat(500_000)));
            assertInstanceOf(TagList.Result.Invalid.class, TagList.parse("a".repeat(500_000) + "=1;" + "=".repeat(500_000)));
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 100_000; i++) {
                many.append('t').append(i).append("=1;");
            }
            assertInstanceOf(TagList.Result.Ok.class, TagList.parse(many.toString()));
            String folded = "Subject: x" + "\r\n y".repeat(200_000) + "\r\n\r\n" + " \t \r\n".repeat(200_000);
            RawMessage m = assertInstanceOf(ParsedMessage.Ok.class,
                    MessageParser.parse(folded.getBytes(StandardCharsets.ISO_8859_1))).message();
            Canonicalization.RELAXED.header(m.headers().get(0));
            assertEquals(0, Canonicalization.RELAXED.body(m.body()).length);
            assertInstanceOf(ParsedMessage.Malformed.class, MessageParser.parse(("x".repeat(1_000_000)).getBytes(StandardCharsets.US_ASCII)));
        });
    }

    @Test
    void hugeOverSignedHeaderListStaysLinear() {
        StringBuilder msg = new StringBuilder("DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=sel; bh=AAAA; b=AAAA; h=");
        msg.append("from:".repeat(100_000)).append("from\r\n");
        msg.append("From: a@example.com\r\n".repeat(100_000)).append("\r\nbody\r\n");
        RawMessage m = TestResources.message(msg.toString().getBytes(StandardCharsets.US_ASCII));
        InMemoryDns dns = new InMemoryDns().txt("sel._domainkey.example.com", "v=DKIM1; p=");
        assertTimeoutPreemptively(LINEAR, () -> {
            assertEquals(AuthResult.PERMERROR, new DkimVerifier(dns, DkimConformanceTest.CLOCK).verify(m).get(0).result());
        });
    }

    @Test
    void manyArcFieldsFailQuickly() {
        String set = "ARC-Seal: i=7; a=rsa-sha256; cv=pass; d=example.org; s=s; b=AAAA\r\n";
        RawMessage m = TestResources.message((set.repeat(50_000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        assertTimeoutPreemptively(LINEAR, () ->
                assertEquals(ArcChainStatus.FAIL, new ArcValidator(new InMemoryDns(), DkimConformanceTest.CLOCK).validate(m).cv()));
    }
}

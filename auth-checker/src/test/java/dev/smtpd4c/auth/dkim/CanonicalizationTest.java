package dev.smtpd4c.auth.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smtpd4c.auth.message.HeaderField;
import dev.smtpd4c.auth.message.RawMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The worked example of RFC 6376 3.4.6 plus the empty-body and missing-CRLF edge cases. */
class CanonicalizationTest {

    private static final String EXAMPLE = "A: X \r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n";

    private final RawMessage message = TestResources.message(EXAMPLE.getBytes(StandardCharsets.US_ASCII));

    private static String body(Canonicalization c, String body) {
        return new String(c.body(body.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII);
    }

    @Test
    void rfc6376RelaxedExample() {
        HeaderField a = message.headers().get(0);
        HeaderField b = message.headers().get(1);
        assertEquals("a:X", Canonicalization.RELAXED.header(a));
        assertEquals("b:Y Z", Canonicalization.RELAXED.header(b));
        assertEquals(" C\r\nD E\r\n", new String(Canonicalization.RELAXED.body(message.body()), StandardCharsets.US_ASCII));
    }

    @Test
    void rfc6376SimpleExample() {
        assertEquals("A: X ", Canonicalization.SIMPLE.header(message.headers().get(0)));
        assertEquals("B : Y\t\r\n\tZ  ", Canonicalization.SIMPLE.header(message.headers().get(1)));
        assertEquals(" C \r\nD \t E\r\n", new String(Canonicalization.SIMPLE.body(message.body()), StandardCharsets.US_ASCII));
    }

    @Test
    void emptyBodies() {
        assertEquals("\r\n", body(Canonicalization.SIMPLE, ""));
        assertEquals("\r\n", body(Canonicalization.SIMPLE, "\r\n\r\n"));
        assertEquals("", body(Canonicalization.RELAXED, ""));
        assertEquals("", body(Canonicalization.RELAXED, " \r\n\t\r\n"));
    }

    @Test
    void missingFinalCrlfIsAdded() {
        assertEquals("abc\r\n", body(Canonicalization.SIMPLE, "abc"));
        assertEquals("a b\r\n", body(Canonicalization.RELAXED, "a  b  "));
    }

    @Test
    void innerEmptyLinesAreKept() {
        assertEquals("a\r\n\r\nb\r\n", body(Canonicalization.RELAXED, "a\r\n \r\nb\r\n\r\n"));
    }
}

package dev.smtpd4c.auth.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageParserTest {

    private static RawMessage ok(String text) {
        return assertInstanceOf(ParsedMessage.Ok.class, MessageParser.parse(text.getBytes(StandardCharsets.ISO_8859_1)))
                .message();
    }

    private static MessageParseError malformed(String text) {
        return assertInstanceOf(ParsedMessage.Malformed.class,
                MessageParser.parse(text.getBytes(StandardCharsets.ISO_8859_1))).error();
    }

    @Test
    void keepsFieldsByteExactWithFoldingAndOrder() {
        RawMessage m = ok("From: a@example.com\r\nSubject:  two\r\n\t words \r\nX-Empty:\r\n\r\nbody\r\n");
        assertEquals(3, m.headers().size());
        assertEquals("Subject:  two\r\n\t words ", m.headers().get(1).raw());
        assertEquals("  two\r\n\t words ", m.headers().get(1).rawValue());
        assertEquals("two words", m.headers().get(1).unfoldedValue().replaceAll("\\s+", " "));
        assertEquals("X-Empty", m.headers().get(2).name());
        assertArrayEquals("body\r\n".getBytes(StandardCharsets.US_ASCII), m.body());
    }

    @Test
    void normalisesLfAndBareCrToCrlf() {
        RawMessage m = ok("A: 1\nB: 2\r\n\nline1\rline2\n");
        assertEquals("B: 2", m.headers().get(1).raw());
        assertArrayEquals("line1\r\nline2\r\n".getBytes(StandardCharsets.US_ASCII), m.body());
    }

    @Test
    void keepsEightBitOctets() {
        byte[] raw = {'S', ':', ' ', (byte) 0xC3, (byte) 0xA9, '\r', '\n', '\r', '\n', (byte) 0xFF};
        RawMessage m = assertInstanceOf(ParsedMessage.Ok.class, MessageParser.parse(raw)).message();
        assertArrayEquals(new byte[] {'S', ':', ' ', (byte) 0xC3, (byte) 0xA9}, m.headers().get(0).bytes());
        assertArrayEquals(new byte[] {(byte) 0xFF}, m.body());
        assertArrayEquals(raw, m.toBytes());
    }

    @Test
    void headersWithoutBodyAndBodyWithoutHeaders() {
        assertEquals(0, ok("Subject: x").bodyLength());
        assertEquals("Subject: x", ok("Subject: x\r\n").headers().get(0).raw());
        assertEquals(0, ok("\r\nHey gang\r\n").headers().size());
        assertEquals(0, ok("").headers().size());
    }

    @Test
    void whitespaceBeforeColonIsObsoleteSyntaxButAccepted() {
        RawMessage m = ok("Subject : x\r\n\r\n");
        assertEquals("Subject", m.headers().get(0).name());
        assertEquals(" x", m.headers().get(0).rawValue());
    }

    @Test
    void reportsStructuredErrors() {
        assertEquals(2, malformed("A: 1\r\nno colon here\r\n\r\n").line());
        assertEquals(1, malformed(" continuation first\r\n").line());
        assertEquals("header field name contains a space, control or 8-bit character",
                malformed("Bad Name: x\r\n").reason());
        assertEquals(1, malformed(": no name\r\n").line());
    }
}

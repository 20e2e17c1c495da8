package dev.smtpd4c.optin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.optin.support.MimeReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class MimeComposerTest {

    private static final String LONG = "Grüße aus Köln — " + "x".repeat(70) + " =ende\t \n€ trailing blank \n\n😀".repeat(3);

    @Test
    void theMessageIs7BitWithShortLinesAndReadsBackUnchanged() {
        RenderedMail rendered = new RenderedMail("de", "Bestätigen Sie — " + "ä".repeat(40), LONG, "<p>" + LONG + "</p>");
        ComposedMail mail = MimeComposer.compose("Ünïcode Sender <no-reply@example.org>", "bounces@example.org",
                "a@example.org", rendered, "id@example.org", ZonedDateTime.of(2026, 11, 29, 3, 0, 0, 0, ZoneOffset.UTC),
                List.of(new ComposedMail.Header("X-Test", "1")));
        String wire = new String(mail.wire(), StandardCharsets.US_ASCII);

        for (byte b : mail.wire()) {
            assertThat(b & 0xff).as("7-bit").isLessThan(128);
        }
        assertThat(wire.split("\r\n", -1)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
        assertThat(wire.replace("\r\n", "")).doesNotContain("\r", "\n");
        assertThat(wire).contains("Date: Sun, 29 Nov 2026 03:00:00 +0000\r\n", "Message-ID: <id@example.org>\r\n");

        MimeReader.Message read = MimeReader.read(wire);
        assertThat(read.header("Subject")).isEqualTo(rendered.subject());
        assertThat(read.header("From")).isEqualTo("Ünïcode Sender <no-reply@example.org>");
        assertThat(read.header("X-Test")).isEqualTo("1");
        assertThat(read.part("text/plain").content()).isEqualTo(LONG + "\n");
        assertThat(read.part("text/html").content()).isEqualTo("<p>" + LONG + "</p>\n");
    }

    @Test
    void trailingBlanksAreEncodedAndSoftBreaksNeverSplitACharacter() {
        assertThat(MimeComposer.quotedPrintable("a \nb\t")).isEqualTo("a=20\r\nb=09");
        String qp = MimeComposer.quotedPrintable("é".repeat(40));
        for (String line : qp.split("\r\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(76);
            assertThat(line.replaceAll("=$", "")).matches("(=C3=A9)+");
        }
    }

    @Test
    void aHeaderInjectionInTheSubjectIsEncodedNotObeyed() {
        assertThat(MimeComposer.encodedWords("news\r\nBcc: x@evil.test")).doesNotContain("\r\nBcc").startsWith("=?UTF-8?B?");
    }
}

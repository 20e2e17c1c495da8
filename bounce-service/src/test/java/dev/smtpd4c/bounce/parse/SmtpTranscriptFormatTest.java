package dev.smtpd4c.bounce.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smtpd4c.bounce.BounceParser;
import dev.smtpd4c.bounce.BounceRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Postfix-style "In:/Out:" session transcripts, made up for the test. */
class SmtpTranscriptFormatTest {
    private static List<BounceRecord> parse(String body) {
        String mail = "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\nTo: postmaster@mx.example.org\n"
                + "Subject: Postfix SMTP server: errors from client.example.net[192.0.2.9]\n\nTranscript of session follows.\n\n" + body;
        return new BounceParser().parse(mail.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void failureAfterDataBelongsToTheAcceptedRecipients() {
        List<BounceRecord> r = parse("""
                 Out: 220 mx.example.org ESMTP
                 In:  EHLO client.example.net
                 Out: 250 mx.example.org
                 In:  MAIL
                     FROM:<sender@example.net>
                 Out: 250 2.1.0 Ok
                 In:  RCPT TO:<a@example.org>
                 Out: 250 2.1.5 Ok
                 In:  RCPT TO:<b@example.org>
                 Out: 550 5.1.1 <b@example.org>: Recipient address rejected: User unknown
                 In:  RCPT TO:<c@example.org>
                 Out: 250 2.1.5 Ok
                 In:  DATA
                 Out: 354 End data with <CR><LF>.<CR><LF>
                 Out: 452 4.3.1 Insufficient system storage
                 In:  QUIT
                 Out: 221 2.0.0 Bye
                """);
        assertEquals(List.of("b@example.org", "a@example.org", "c@example.org"), r.stream().map(BounceRecord::recipient).toList());
        assertEquals("userunknown", r.get(0).reason());
        assertEquals("RCPT", r.get(0).smtpCommand());
        assertEquals("5.1.1", r.get(0).status());
        assertEquals("DATA", r.get(1).smtpCommand());
        assertEquals("4.3.1", r.get(1).status());
        assertEquals("452", r.get(1).replyCode());
        assertEquals("systemfull", r.get(1).reason());
        assertEquals("mx.example.org", r.get(1).reportingMta());
        assertEquals("SmtpTranscript", r.get(1).decodedBy());
    }

    @Test
    void sessionThatFailedBeforeAnyRecipientGivesNoResult() {
        assertTrue(parse("""
                 Out: 220 mx.example.org ESMTP
                 In:  EHLO client.example.net
                 Out: 250 mx.example.org
                 In:  MAIL FROM:<sender@example.net>
                 Out: 553 5.7.1 Sender address rejected
                """).stream().noneMatch(b -> b.decodedBy().equals("SmtpTranscript")));
    }
}

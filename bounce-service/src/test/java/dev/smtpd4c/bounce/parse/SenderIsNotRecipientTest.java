package dev.smtpd4c.bounce.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.smtpd4c.bounce.BounceParser;
import dev.smtpd4c.bounce.BounceRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bounce goes back to the original sender, so the sender's own address — quoted in the error
 * ("after MAIL FROM:<sender>") or heading the bounce — must never come out as the failed
 * recipient: suppressing it would stop all our mail. Made-up messages.
 */
class SenderIsNotRecipientTest {
    private static List<String> recipients(String mail) {
        return new BounceParser().parse(mail.getBytes(StandardCharsets.US_ASCII)).stream().map(BounceRecord::recipient).toList();
    }

    @Test
    void echoedMailFromIsSkippedAndTheFailedRecipientsHeaderNamesTheRecipient() {
        assertEquals(List.of("alice@dest.example"), recipients("""
                From: Mail Delivery System <Mailer-Daemon@relay.example>
                To: news@sender.example
                Subject: Mail delivery failed: returning message to sender
                X-Failed-Recipients: alice@dest.example

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  alice
                    SMTP error from remote mail server after MAIL FROM:<news@sender.example> SIZE=1543:
                    host mx.dest.example [192.0.2.20]: 550 5.7.0 <news@sender.example>... Please use the smtp server of your ISP.
                """));
    }

    @Test
    void theBouncesOwnAddresseeIsSkippedForTheAddressInTheText() {
        assertEquals(List.of("bob@dest.example"), recipients("""
                From: "Postmaster" <postmaster@mail.dest.example>
                To: <news@sender.example>
                Subject: Undeliverable Mail

                To: news@sender.example
                Subject: Undeliverable Mail

                undeliverable to bob@dest.example

                550 mailbox unavailable
                """));
    }
}

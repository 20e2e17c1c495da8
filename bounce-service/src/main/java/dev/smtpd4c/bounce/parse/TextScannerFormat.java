package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/**
 * Last resort for bounces no named format claims: any message from a mailer daemon or with a
 * bounce-like subject is scanned for recipient lines and their error text.
 */
public final class TextScannerFormat extends TextFormat {
    @Override public String name() { return "TextScanner"; }

    @Override protected boolean matches(ParsedMessage m) {
        return Signs.fromDaemon(m) && !m.from().isEmpty()
                || Signs.subjectHas(m, "undeliver", "delivery fail", "failure notice", "returned mail", "delivery status",
                "not delivered", "delivery problem", "could not be delivered", "mail delivery", "error sending",
                "non remis", "unzustellbar", "returned to sender", "nondeliverable", "rejected");
    }

    @Override protected List<String> startMarkers() {
        return List.of("following address", "following recipient", "could not be delivered", "unable to deliver",
                "was not delivered", "delivery has failed", "had delivery errors", "permanent error",
                "the following addresses", "message could not be delivered", "delivery failed");
    }
}

package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/**
 * Microsoft Exchange text reports: 2003 ("did not reach the following recipient(s)") and
 * 2007+/Office 365/Outlook.com without a DSN part ("Delivery has failed to these recipients").
 */
public final class ExchangeFormat extends TextFormat {
    @Override public String name() { return "Exchange"; }

    @Override protected boolean matches(ParsedMessage m) {
        return Signs.textHas(m, "did not reach the following recipient", "delivery has failed to these recipients",
                "your message couldn't be delivered", "your message to", "delivery to these recipients or groups")
                && (m.headers().has("X-MS-Exchange-Message-Is-Ndr") || m.headers().has("Thread-Index")
                || Signs.textHas(m, "msexch", "diagnostic information for administrators", "did not reach the following recipient")
                || Signs.subjectHas(m, "undeliverable", "non remis", "unzustellbar"));
    }

    @Override protected List<String> startMarkers() {
        return List.of("did not reach the following recipient", "delivery has failed to these recipients",
                "delivery to these recipients or groups");
    }

    @Override protected List<String> endMarkers() { return List.of("original message headers:", "content-type: message/rfc822"); }
}

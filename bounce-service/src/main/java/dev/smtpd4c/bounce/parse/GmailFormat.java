package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/** Gmail's text bounces ("Delivery to the following recipient failed permanently:"), and Google Groups'. */
public final class GmailFormat extends TextFormat {
    @Override public String name() { return "Gmail"; }

    @Override protected boolean matches(ParsedMessage m) {
        return (m.from().contains("@googlemail.com") || m.from().contains("@google.com") || m.from().contains("@gmail.com"))
                && Signs.textHas(m, "delivery to the following recipient", "technical details of",
                "google tried to deliver", "google groups", "delivery of the following message");
    }

    @Override protected List<String> startMarkers() {
        return List.of("delivery to the following recipient", "delivery of the following message");
    }

    @Override protected List<String> endMarkers() { return List.of("----- original message -----", "----- message header follows"); }
}

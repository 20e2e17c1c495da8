package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/**
 * Sendmail bounces without a machine-readable part (V5/V8 text, forwarded copies): the
 * "permanent fatal errors" list and the session transcript ("554 <a@b>... 550 Host unknown").
 */
public final class SendmailFormat extends TextFormat {
    @Override public String name() { return "Sendmail"; }

    @Override protected boolean matches(ParsedMessage m) {
        return Signs.textHas(m, "----- transcript of session follows -----", "----- the following addresses had",
                "---the following addresses had");
    }

    @Override protected List<String> startMarkers() {
        return List.of("----- the following addresses had", "----- transcript of session follows -----",
                "---the following addresses had");
    }

    @Override protected List<String> endMarkers() {
        return List.of("----- unsent message follows -----", "----- original message follows -----",
                "------ original message ------", "content-type: message/rfc822", "--- below this line");
    }
}

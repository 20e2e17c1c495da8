package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/** OpenSMTPD: "This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail." and "recipient: error" lines. */
public final class OpenSmtpdFormat extends TextFormat {
    @Override public String name() { return "OpenSMTPD"; }

    @Override protected boolean matches(ParsedMessage m) {
        return Signs.textHas(m, "this is the mailer-daemon, please do not reply")
                || Signs.headerHas(m, "Received", "(opensmtpd)") && Signs.textHas(m, "following list of recipients");
    }

    @Override protected List<String> startMarkers() { return List.of("following list of recipients", "following recipients"); }

    /** The boilerplate after the recipient lines ("only a temporary failure report") is not the error. */
    @Override protected List<String> endMarkers() {
        return List.of("below is a copy of the original message", "original message follows", "please note that this is only a temporary");
    }
}

package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/** Exim, and the Exim-built bounces of 1&1, GMX and others ("Mail delivery failed: returning message to sender"). */
public final class EximFormat extends TextFormat {
    @Override public String name() { return "Exim"; }

    @Override protected boolean matches(ParsedMessage m) {
        return m.headers().has("X-Failed-Recipients")
                || Signs.textHas(m, "this message was created automatically by mail delivery software")
                || Signs.subjectHas(m, "mail delivery failed", "warning: message") && Signs.fromDaemon(m);
    }

    @Override protected List<String> startMarkers() {
        return List.of("could not be delivered to one or more", "following address(es) failed",
                "message has not yet been delivered to");
    }
}

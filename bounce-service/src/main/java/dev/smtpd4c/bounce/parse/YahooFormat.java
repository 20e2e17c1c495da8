package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/** Yahoo! Mail: "Sorry, we were unable to deliver your message to the following address." */
public final class YahooFormat extends TextFormat {
    @Override public String name() { return "Yahoo"; }

    @Override protected boolean matches(ParsedMessage m) {
        return Signs.textHas(m, "sorry, we were unable to deliver your message to the following address");
    }

    @Override protected List<String> startMarkers() { return List.of("unable to deliver your message to the following address"); }

    @Override protected List<String> endMarkers() { return List.of("--- below this line is a copy of the message"); }
}

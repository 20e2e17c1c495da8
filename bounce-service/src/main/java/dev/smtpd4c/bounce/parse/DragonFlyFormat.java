package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/** DragonFly Mail Agent (dma): "There was an error delivering your mail to <a@b>." then the remote reply. */
public final class DragonFlyFormat extends TextFormat {
    @Override public String name() { return "DragonFly"; }

    @Override protected boolean matches(ParsedMessage m) {
        return Signs.textHas(m, "this is the dragonfly mail agent") || Signs.headerHas(m, "Received", "dragonfly mail agent")
                && Signs.textHas(m, "there was an error delivering your mail to");
    }

    @Override protected List<String> startMarkers() { return List.of("there was an error delivering your mail to"); }

    @Override protected List<String> endMarkers() { return List.of("message headers follow", "original message follows"); }

    @Override protected String sentenceRecipient(String text) { return afterPhrase(text, "error delivering your mail to"); }
}

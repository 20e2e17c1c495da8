package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/** Ipswitch IMail: one line per error ("User mailbox exceeds allowed size: a@b"), then "Original message follows." */
public final class ImailFormat extends TextFormat {
    @Override public String name() { return "IMailServer"; }

    @Override protected boolean matches(ParsedMessage m) {
        return Signs.subjectHas(m, "undeliverable mail") && Signs.textHas(m, "original message follows");
    }

    @Override protected List<String> endMarkers() { return List.of("original message follows"); }

    @Override protected String sentenceRecipient(String text) {
        String region = TextScan.region(text, dev.smtpd4c.bounce.mail.Text.lower(text), List.of(), endMarkers());
        return Addresses.find(region);
    }
}

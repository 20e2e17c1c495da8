package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/**
 * Japanese carriers' reports: KDDI au / ezweb (dion.ne.jp, ezweb.ne.jp, au.com), NTT docomo,
 * SoftBank. The explanation usually comes before the address, so the section is the diagnostic.
 */
public final class AuFormat extends TextFormat {
    @Override public String name() { return "KDDI"; }

    @Override protected boolean matches(ParsedMessage m) {
        String f = m.from();
        return f.contains("ezweb.ne.jp") || f.contains("dion.ne.jp") || f.contains("au.com") || f.contains("auone")
                || f.contains("docomo.ne.jp") || f.contains("softbank.ne.jp")
                || Signs.textHas(m, "could not be delivered to:") && Signs.textHas(m, "your mail sent on");
    }

    @Override protected List<String> endMarkers() { return List.of("content-type: message/rfc822", "original message"); }

    @Override protected String sentenceRecipient(String text) {
        String r = afterPhrase(text, "could not be delivered to:");
        return r.isEmpty() ? Addresses.find(text) : r;
    }
}

package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/**
 * Google Groups refusing a post (group missing, or the sender may not post): the text is
 * localised, so the recipient comes from X-Failed-Recipients and the reason is the sender's.
 */
public final class GoogleGroupsFormat extends TextFormat {
    @Override public String name() { return "GoogleGroups"; }

    @Override protected boolean matches(ParsedMessage m) {
        return m.headers().has("X-Failed-Recipients") && m.from().contains("@google")
                && (Signs.textHas(m, "google groups", "groups.google") || m.headers().has("X-Google-Smtp-Source"));
    }

    @Override protected List<String> endMarkers() { return List.of("----- original message -----"); }

    @Override protected String sentenceRecipient(String text) { return ""; }

    @Override protected void refine(RawFailure.Builder b, ParsedMessage m) {
        String r = Addresses.find(m.headers().get("X-Failed-Recipients"));
        if (!r.isEmpty()) b.recipient(r);
        b.reasonHint("rejected");
    }
}

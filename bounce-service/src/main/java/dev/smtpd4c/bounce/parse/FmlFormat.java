package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;

/**
 * fml (a Japanese mailing-list manager) refusing a post: "You are not a member of this mailing
 * list <list@...>". The list refused our sender, so the result is about the list address and the
 * reason is the sender's rejection, not the list's mailbox.
 */
public final class FmlFormat extends TextFormat {
    @Override public String name() { return "FML"; }

    @Override protected boolean matches(ParsedMessage m) {
        return Signs.headerHas(m, "X-MLServer", "fml") && Signs.textHas(m, "not a member", "not member", "rejected", "denied");
    }

    @Override protected String sentenceRecipient(String text) { return Addresses.find(text); }

    @Override protected void refine(RawFailure.Builder b, ParsedMessage m) {
        if (Signs.textHas(m, "not a member", "not member")) b.reasonHint("rejected");
    }
}

package dev.smtpd4c.optin.mail;

import dev.smtpd4c.optin.config.OptinConfig;
import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.token.TokenPurpose;
import dev.smtpd4c.optin.token.Tokens;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes the confirmation mail: the signed confirm link, and RFC 8058 one-click unsubscribe headers. */
@ApplicationScoped
public class ConfirmationMailer {

    private final Tokens tokens;
    private final OptinConfig config;

    public ConfirmationMailer(Tokens tokens, OptinConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    public Mail confirmation(Subscription s) {
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        String confirm = base + "/confirm?token=" + tokens.issue(s.id, TokenPurpose.CONFIRM);
        String unsubscribe = base + "/unsubscribe?token=" + tokens.issue(s.id, TokenPurpose.UNSUBSCRIBE);
        return Mail.withText(s.address, "Please confirm your subscription to " + s.list,
                        "Someone, hopefully you, asked to subscribe " + s.address + " to " + s.list + ".\n\n"
                                + "To confirm, open this link and press the button:\n" + confirm + "\n\n"
                                + "If it was not you, ignore this mail: nothing is sent until you confirm.\n")
                .setFrom(config.mail().from())
                .addHeader("X-SMTPD4C-Stream", "transactional")
                .addHeader("X-SMTPD4C-Message-ID", s.id.toString())
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
}

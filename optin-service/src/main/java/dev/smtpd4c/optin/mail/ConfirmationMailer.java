package dev.smtpd4c.optin.mail;

import dev.smtpd4c.optin.config.OptinConfig;
import dev.smtpd4c.optin.subscription.Subscription;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

/** Hands the confirmation mail to the SMTP relay; returns once the relay accepted it. */
@ApplicationScoped
public class ConfirmationMailer {

    private final Mailer mailer;
    private final OptinConfig config;

    public ConfirmationMailer(Mailer mailer, OptinConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    public void sendConfirmation(Subscription s) {
        Mail mail = Mail.withText(s.address, "Please confirm your subscription to " + s.list,
                        "Someone, hopefully you, asked to subscribe " + s.address + " to " + s.list + ".\n\n"
                                + "If it was not you, ignore this mail: nothing is sent until you confirm.\n")
                .setFrom(config.mail().from())
                .addHeader("X-SMTPD4C-Stream", "transactional")
                .addHeader("X-SMTPD4C-Message-ID", s.id.toString());
        mailer.send(mail);
    }
}

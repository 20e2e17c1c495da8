package dev.smtpd4c.optin.mail;

import java.util.Locale;

/** The mails this service writes; each has a text and an HTML template per locale (templates/mail/KIND.LOCALE.txt|html). */
public enum MailKind {
    /** The first mail after a sign-up: confirm the address. */
    CONFIRMATION,
    /** The one reminder of a sign-up still pending after smtpd4c.lifecycle.reminder-after. */
    REMINDER,
    /** sunset-service asked that the address confirm again that it wants the list. */
    RECONFIRMATION;

    public String templateName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.smtpd4c.optin.events;

import java.time.Instant;
import java.util.UUID;

/** Data of dev.smtpd4c.subscription.mail-sent.v1: a relay accepted a double opt-in mail. */
public record MailSent(
        UUID subscriptionId,
        String address,
        String list,
        /* confirmation, reminder or reconfirmation */
        String kind,
        String stream,
        String locale,
        /* primary or secondary */
        String relay,
        String messageId,
        Instant sentAt) {}

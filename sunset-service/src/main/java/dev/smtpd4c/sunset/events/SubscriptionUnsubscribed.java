package dev.smtpd4c.sunset.events;

import java.time.Instant;
import java.util.UUID;

/** Data of dev.smtpd4c.subscription.unsubscribed.v1 (optin-service): the address left the list. */
public record SubscriptionUnsubscribed(
        UUID subscriptionId,
        /* normalised address */
        String address,
        /* list or stream */
        String list,
        Instant unsubscribedAt) {}

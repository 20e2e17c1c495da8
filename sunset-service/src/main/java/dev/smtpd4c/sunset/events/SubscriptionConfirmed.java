package dev.smtpd4c.sunset.events;

import java.time.Instant;
import java.util.UUID;

/** Data of dev.smtpd4c.subscription.confirmed.v1 (optin-service): the owner confirmed the address. */
public record SubscriptionConfirmed(
        UUID subscriptionId,
        /* normalised address */
        String address,
        /* list or stream */
        String list,
        Instant confirmedAt) {}

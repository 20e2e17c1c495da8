package dev.smtpd4c.bounce.events;

import java.time.Instant;
import java.util.UUID;

/** Data of dev.smtpd4c.subscription.requested.v1: someone asked to subscribe an address. */
public record SubscriptionRequested(
        UUID subscriptionId,
        /* normalised address */
        String address,
        String list,
        /* where the sign-up came from */
        String source,
        String locale,
        Instant requestedAt) {}

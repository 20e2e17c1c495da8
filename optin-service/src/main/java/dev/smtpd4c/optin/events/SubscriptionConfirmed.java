package dev.smtpd4c.optin.events;

import java.time.Instant;
import java.util.UUID;

/** Data of dev.smtpd4c.subscription.confirmed.v1: the address owner confirmed through the link. */
public record SubscriptionConfirmed(UUID subscriptionId, String address, String list, Instant confirmedAt) {}

package dev.smtpd4c.optin.events;

import java.time.Instant;
import java.util.UUID;

/** Data of dev.smtpd4c.subscription.expired.v1: a sign-up was never confirmed and expired. */
public record SubscriptionExpired(UUID subscriptionId, String address, String list, Instant requestedAt, Instant expiredAt) {}

package dev.smtpd4c.optin.events;

import java.time.Instant;
import java.util.UUID;

/** Data of dev.smtpd4c.subscription.unsubscribed.v1: the address left the list (one-click or page). */
public record SubscriptionUnsubscribed(UUID subscriptionId, String address, String list, Instant unsubscribedAt) {}

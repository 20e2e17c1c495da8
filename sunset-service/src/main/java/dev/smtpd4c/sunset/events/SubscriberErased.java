package dev.smtpd4c.sunset.events;

import java.time.Instant;

/** Data of dev.smtpd4c.subscriber.erased.v1 (optin-service): erase every row of the address with this hash. */
public record SubscriberErased(
        /* base64url (no padding) SHA-256 of the normalised address */
        String addressHash,
        Instant erasedAt) {}

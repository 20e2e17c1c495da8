package dev.smtpd4c.optin.events;

import java.time.Instant;

/** Data of dev.smtpd4c.subscriber.erased.v1: all personal data of an address was erased; only its hash remains. */
public record SubscriberErased(
        /* base64url SHA-256 of the normalised address */
        String addressHash,
        Instant erasedAt) {}

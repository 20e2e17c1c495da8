package dev.smtpd4c.auth.dkim;

import dev.smtpd4c.auth.message.RawMessage;
import java.util.EnumMap;
import java.util.Map;

/** Canonical bodies of one message, computed once per algorithm however many signatures it has. */
final class BodyCache {

    private final RawMessage message;
    private final Map<Canonicalization, byte[]> canonical = new EnumMap<>(Canonicalization.class);

    BodyCache(RawMessage message) {
        this.message = message;
    }

    RawMessage message() {
        return message;
    }

    byte[] canonical(Canonicalization c) {
        return canonical.computeIfAbsent(c, k -> k.body(message.body()));
    }
}

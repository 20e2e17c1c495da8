package dev.smtpd4c.optin.consent;

import java.time.Instant;
import java.util.UUID;

/** One consent step as the export shows it. */
public record ConsentRecord(UUID subscriptionId, String address, String list, ConsentStep step, Instant occurredAt,
        String ip, String userAgent, String source, String textVersion) {

    static ConsentRecord of(ConsentEvent e) {
        return new ConsentRecord(e.subscriptionId, e.address, e.list, e.step, e.occurredAt, e.ip, e.userAgent, e.source,
                e.textVersion);
    }
}

package dev.smtpd4c.bounce.webhook;

import dev.smtpd4c.bounce.BounceRecord;
import java.util.List;

/**
 * One event of a provider's webhook, read: the provider's id of it (stored once by that id), its
 * own JSON as it arrived, and the results it gives in the parser's flat form, so webhooks and raw
 * mail take the same path to storage, suppression and events.
 */
public record ProviderEvent(String provider, String eventId, byte[] json, List<BounceRecord> records) {}

package dev.smtpd4c.sunset.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The CloudEvents 1.0 envelope in structured JSON mode, as contracts/events/cloudevent-envelope.schema.json
 * defines it. {@code subject} repeats the Kafka key (normalised address or domain).
 */
public record CloudEvent<T>(
        String specversion,
        UUID id,
        String source,
        String type,
        Instant time,
        String datacontenttype,
        String subject,
        T data) {

    public static final String SOURCE = "/smtpd4c/sunset-service";

    public static <T> CloudEvent<T> of(String type, String subject, T data, Instant time) {
        return new CloudEvent<>("1.0", UUID.randomUUID(), SOURCE, type, time, "application/json", subject, data);
    }
}

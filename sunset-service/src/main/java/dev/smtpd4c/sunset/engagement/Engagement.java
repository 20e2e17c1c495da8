package dev.smtpd4c.sunset.engagement;

import java.time.Instant;
import java.util.UUID;

/** One validated engagement event, whether it came over REST or Kafka; {@code recipient} is normalised. */
public record Engagement(UUID id, String recipient, String stream, EngagementType type, Instant at) {}

package dev.smtpd4c.sunset.engagement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One validated engagement event, whether it came over REST or Kafka or from a suite event;
 * {@code recipient} is normalised.
 *
 * @param sendingDomain the message's From domain, lower case; null when the source did not say
 * @param messageIds    the ids the source named the message by (X-SMTPD4C-Message-ID, Message-ID), maybe none
 */
public record Engagement(UUID id, String recipient, String stream, EngagementType type, Instant at, String sendingDomain,
        List<String> messageIds) {}

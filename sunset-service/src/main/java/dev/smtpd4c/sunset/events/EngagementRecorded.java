package dev.smtpd4c.sunset.events;

import java.time.Instant;

/** Data of dev.smtpd4c.engagement.recorded.v1: one engagement event of the organisation's mail system. */
public record EngagementRecorded(
        /* normalised address */
        String recipient,
        /* marketing, transactional, or a list's stream name */
        String stream,
        /* sent, delivered, opened, clicked, replied, logged-in, converted, hard-bounced, complained */
        String type,
        Instant at,
        /* optional: From domain, for the complaint-rate monitor */
        String sendingDomain,
        /* optional: X-SMTPD4C-Message-ID or Message-ID, so one message's complaint is counted once */
        String messageId) {}

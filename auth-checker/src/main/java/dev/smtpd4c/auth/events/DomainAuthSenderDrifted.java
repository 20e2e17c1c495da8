package dev.smtpd4c.auth.events;

import java.time.Instant;
import java.util.List;

/**
 * Data of dev.smtpd4c.domain-auth.sender-drifted.v1: a stream of a registered domain started sending
 * from a From domain or IP its registration does not list.
 *
 * @param stream null when the observations came without one (DMARC aggregate reports)
 * @param kind FROM_DOMAIN or IP
 * @param value the unregistered From domain or IP
 * @param registered what the registration lists for that kind (the domain and its From domains, or its IPs)
 * @param firstSeen earliest observation of it on record
 * @param lastSeen newest observation
 * @param messages messages in the observation rows still within the quiet period (saturates at 2^31-1)
 * @param sources verify, mta, dmarc-report: where the observations came from
 */
public record DomainAuthSenderDrifted(String domain, String stream, String kind, String value, List<String> registered,
        Instant firstSeen, Instant lastSeen, int messages, List<String> sources) {}

package dev.smtpd4c.auth.sender;

import java.time.Instant;
import java.util.List;

/**
 * One (stream, From domain, IP) seen sending for a registered domain.
 *
 * @param stream null when the source did not know it (DMARC reports)
 * @param registered true when the registration lists both the From domain and the IP
 * @param unexpected what the registration does not list: FROM_DOMAIN, IP
 */
public record SenderView(String stream, String fromDomain, String ip, Instant firstSeen, Instant lastSeen,
        long messages, String lastSource, boolean registered, List<SenderRules.Unexpected> unexpected) {}

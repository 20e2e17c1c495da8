package dev.smtpd4c.auth.domain;

import java.util.List;

/**
 * The body of POST /api/v1/domains and PUT /api/v1/domains/{domain}.
 *
 * @param domain the sender domain (ignored on PUT, where the path names it)
 * @param dkimSelectors selectors the domain signs with
 * @param sendingIps addresses mail leaves from
 * @param fromDomains From domains used with it; empty means the domain itself
 * @param streams sending streams ("transactional", "marketing", ...), for people and events
 */
public record DomainRegistration(String domain, List<String> dkimSelectors, List<String> sendingIps,
        List<String> fromDomains, List<String> streams) {}

package dev.smtpd4c.auth.report;

import java.util.List;

/**
 * What the report checks for a sender domain: the domain and what its owner registered.
 *
 * @param domain the sender domain, lower case, no trailing dot
 * @param dkimSelectors selectors whose keys are checked under {@code _domainkey}
 * @param sendingIps addresses mail leaves from (forward-confirmed reverse DNS is checked)
 * @param fromDomains RFC5322.From domains used with this domain (alignment); empty means the domain itself
 */
public record DomainSpec(String domain, List<String> dkimSelectors, List<String> sendingIps, List<String> fromDomains) {

    public DomainSpec {
        dkimSelectors = List.copyOf(dkimSelectors);
        sendingIps = List.copyOf(sendingIps);
        fromDomains = List.copyOf(fromDomains);
    }

    public List<String> effectiveFromDomains() {
        return fromDomains.isEmpty() ? List.of(domain) : fromDomains;
    }
}

package dev.smtpd4c.auth.sender;

import java.util.List;
import java.util.Set;

/**
 * What a registration says about how a domain sends. The domain itself is always an expected From
 * domain; an empty IP list means the owner declared no IPs, so IPs are not watched for it.
 */
public record RegisteredSender(String domain, Set<String> fromDomains, Set<String> ips, Set<String> streams) {

    public RegisteredSender {
        fromDomains = Set.copyOf(fromDomains);
        ips = Set.copyOf(ips);
        streams = Set.copyOf(streams);
    }

    public static RegisteredSender of(String domain, List<String> fromDomains, List<String> ips, List<String> streams) {
        return new RegisteredSender(domain, Set.copyOf(fromDomains), Set.copyOf(ips), Set.copyOf(streams));
    }

    public boolean expectsFrom(String fromDomain) {
        return domain.equals(fromDomain) || fromDomains.contains(fromDomain);
    }

    public boolean expectsIp(String ip) {
        return ips.isEmpty() || ips.contains(ip);
    }

    /** The From domain is this domain, one of its From domains, or below one of them. */
    boolean covers(String fromDomain) {
        if (expectsFrom(fromDomain) || fromDomain.endsWith("." + domain)) {
            return true;
        }
        return fromDomains.stream().anyMatch(d -> fromDomain.endsWith("." + d));
    }
}

package dev.smtpd4c.optin.address;

import java.util.Collection;
import java.util.Set;

/** Domains that hand out throw-away mailboxes; a subdomain of a listed domain counts as listed. */
public final class DisposableDomains {

    public static final String BUILT_IN = "address/disposable-domains.txt";

    private final Set<String> domains;

    public DisposableDomains(Collection<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    public static DisposableDomains builtIn() {
        return new DisposableDomains(DomainList.fromResource(BUILT_IN));
    }

    public static DisposableDomains fromFile(java.nio.file.Path path) {
        return new DisposableDomains(DomainList.fromFile(path));
    }

    /** {@code domain} in A-label form, lower case. */
    public boolean contains(String domain) {
        for (String d = domain; ; ) {
            if (domains.contains(d)) {
                return true;
            }
            int dot = d.indexOf('.');
            if (dot < 0) {
                return false;
            }
            d = d.substring(dot + 1);
        }
    }

    public int size() {
        return domains.size();
    }
}

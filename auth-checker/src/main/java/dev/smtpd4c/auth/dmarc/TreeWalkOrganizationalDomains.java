package dev.smtpd4c.auth.dmarc;

import java.util.List;

/**
 * RFC 9989 section 4.10.2: the Organizational Domain comes from the DNS, not from a list. Walking
 * up from the name, a record with psd=n marks its own domain; a record with psd=y marks a public
 * suffix, so the organisation is the name one label below it; otherwise the highest domain with a
 * DMARC record is the organisation, and with no record at all the name is its own.
 */
public final class TreeWalkOrganizationalDomains implements OrganizationalDomains {

    private final DmarcDiscovery discovery;

    public TreeWalkOrganizationalDomains(DmarcDiscovery discovery) {
        this.discovery = discovery;
    }

    @Override
    public String of(String domain) throws DmarcTempException {
        List<String> names = DmarcDiscovery.walk(domain);
        if (names.isEmpty()) {
            return domain;
        }
        String author = names.get(0);
        String highest = null;
        for (String name : names) {
            DmarcRecord r = discovery.recordAt(name);
            if (r == null) {
                continue;
            }
            if (r.psd() == 'n') {
                return name;
            }
            if (r.psd() == 'y') {
                return name.equals(author) ? author
                        : DmarcDiscovery.rightmost(author, DmarcDiscovery.labelCount(name) + 1);
            }
            highest = name;
        }
        return highest == null ? author : highest;
    }
}

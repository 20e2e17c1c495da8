package dev.smtpd4c.auth.spf;

import java.util.List;

/**
 * The include/redirect tree of a domain's SPF with the DNS lookups each part costs, the way
 * checkdmarc shows it, so a publisher sees which include eats the budget of 10.
 *
 * @param domain the domain whose record this is
 * @param via "include", "redirect" or "root"
 * @param ownLookups DNS-querying terms in this record itself
 * @param totalLookups own plus everything below
 * @param children included and redirected records
 */
public record SpfLookupNode(String domain, String via, int ownLookups, int totalLookups,
        List<SpfLookupNode> children) {

    public SpfLookupNode {
        children = List.copyOf(children);
    }
}

package dev.smtpd4c.auth.spf;

/**
 * One parsed directive: qualifier plus mechanism with its arguments.
 *
 * @param qualifier the result when the mechanism matches
 * @param type which mechanism
 * @param domainSpec the unexpanded macro-string target, or null when the mechanism has none
 *     (then the current domain is meant, for a, mx and ptr)
 * @param network for ip4/ip6: the address bytes (4 or 16), otherwise null
 * @param cidr4 IPv4 prefix length (32 when absent)
 * @param cidr6 IPv6 prefix length (128 when absent)
 * @param text the directive as written, for results and lint findings
 * @param position 0-based character offset of the directive in the record
 */
public record Directive(
        Qualifier qualifier,
        MechanismType type,
        String domainSpec,
        byte[] network,
        int cidr4,
        int cidr6,
        String text,
        int position) {

    @Override
    public String toString() {
        return text;
    }
}

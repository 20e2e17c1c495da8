package dev.smtpd4c.auth.spf;

import dev.smtpd4c.auth.AuthResult;

/**
 * The output of one SPF check, flat so it can be logged, stored and fed to DMARC as is.
 *
 * @param result the check_host() result
 * @param domain the domain whose policy was checked (MAIL FROM domain or HELO name)
 * @param explanation for {@link AuthResult#FAIL} only: the expanded exp= text or the default
 *     explanation; null otherwise
 * @param mechanism the directive that matched ("redirect=..." adds nothing: the matched directive
 *     of the target is reported), "default" when nothing matched, null for none/errors
 * @param dnsLookups terms that cost DNS lookups (limit 10)
 * @param voidLookups lookups that returned NXDOMAIN or no data (limit 2)
 * @param problem why a permerror, temperror or none came out, for people; empty otherwise
 */
public record SpfResult(
        AuthResult result,
        String domain,
        String explanation,
        String mechanism,
        int dnsLookups,
        int voidLookups,
        String problem) {

    public SpfResult {
        problem = problem == null ? "" : problem;
    }
}

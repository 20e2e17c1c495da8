package dev.smtpd4c.auth.dmarc;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;

/**
 * RFC 7489 Organizational Domain from the Public Suffix List bundled with Guava (no file to load,
 * no reflection: safe in a native image). For names under no listed suffix (".test", ".example",
 * unknown TLDs) the PSL's own default rule "*" applies: the last label is the public suffix.
 */
public final class PublicSuffixOrganizationalDomains implements OrganizationalDomains {

    @Override
    public String of(String domain) {
        String registrable = registrableDomain(domain);
        return registrable == null ? normalise(domain) : registrable;
    }

    /**
     * The registrable domain as the PSL test suite defines it: null for null input, a leading dot,
     * a public suffix itself, or a name that is not a valid domain.
     */
    public static String registrableDomain(String domain) {
        if (domain == null || domain.isEmpty() || domain.startsWith(".")) {
            return null;
        }
        String ascii = normalise(domain);
        if (ascii == null) {
            return null;
        }
        InternetDomainName name;
        try {
            name = InternetDomainName.from(ascii);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (name.isPublicSuffix()) {
            return null;
        }
        if (name.isUnderPublicSuffix()) {
            return name.topPrivateDomain().toString();
        }
        // PSL default rule "*": the rightmost label is the suffix, so the registrable domain is two labels.
        var parts = name.parts();
        return parts.size() < 2 ? null : parts.get(parts.size() - 2) + "." + parts.get(parts.size() - 1);
    }

    /** Lower-case A-label form without trailing dot, or null when the name cannot be converted. */
    static String normalise(String domain) {
        String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        try {
            return IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package dev.smtpd4c.auth.spf;

/** The eight SPF mechanisms (RFC 7208 section 5). */
public enum MechanismType {
    ALL(false),
    INCLUDE(true),
    A(true),
    MX(true),
    PTR(true),
    IP4(false),
    IP6(false),
    EXISTS(true);

    private final boolean dnsLookup;

    MechanismType(boolean dnsLookup) {
        this.dnsLookup = dnsLookup;
    }

    /** True for the terms that count against the limit of 10 DNS lookups (section 4.6.4). */
    public boolean countsAsLookup() {
        return dnsLookup;
    }

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

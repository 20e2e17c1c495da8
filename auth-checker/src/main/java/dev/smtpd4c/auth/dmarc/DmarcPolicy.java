package dev.smtpd4c.auth.dmarc;

/** Requested handling of mail that fails DMARC (p=, sp=, np=). */
public enum DmarcPolicy {
    NONE,
    QUARANTINE,
    REJECT;

    static DmarcPolicy parse(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> NONE;
            case "quarantine" -> QUARANTINE;
            case "reject" -> REJECT;
            default -> null;
        };
    }

    /** With t=y the policy is applied one step weaker (RFC 9989 section 4.7, tag t). */
    DmarcPolicy testing() {
        return this == REJECT ? QUARANTINE : NONE;
    }
}

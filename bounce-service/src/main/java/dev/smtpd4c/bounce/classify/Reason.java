package dev.smtpd4c.bounce.classify;

import java.util.Locale;

/** Sisimai 5 reason names; {@link #id} is the lower-case name written to results and pattern files. */
public enum Reason {
    USERUNKNOWN, HOSTUNKNOWN, HASMOVED, NOTACCEPT, MAILBOXFULL, SUSPEND, FILTERED, REJECTED, BLOCKED,
    SPAMDETECTED, VIRUSDETECTED, POLICYVIOLATION, SECURITYERROR, CONTENTERROR, MESGTOOBIG, EXCEEDLIMIT,
    TOOMANYCONN, NORELAYING, NETWORKERROR, EXPIRED, SYSTEMERROR, SYSTEMFULL, MAILERERROR, SYNTAXERROR,
    AUTHFAILURE, BADREPUTATION, REQUIREPTR, NOTCOMPLIANTRFC, SPEEDING, FAILEDSTARTTLS, SUPPRESSED,
    ONHOLD, UNDEFINED, DELIVERED, FEEDBACK, VACATION;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** The reason for a lower-case id, or null. */
    public static Reason of(String id) {
        if (id == null || id.isEmpty()) return null;
        for (Reason r : values()) if (r.id().equals(id)) return r;
        return null;
    }

    /**
     * Hard bounce: a permanent, address-level failure that must stop mail to the address at once.
     * notaccept is hard only when permanent (5xx) or when no code says otherwise.
     */
    public boolean isHard(String status, String replyCode) {
        return switch (this) {
            case USERUNKNOWN, HOSTUNKNOWN, HASMOVED -> true;
            case NOTACCEPT -> !(status.startsWith("4") || replyCode.startsWith("4"));
            default -> false;
        };
    }
}

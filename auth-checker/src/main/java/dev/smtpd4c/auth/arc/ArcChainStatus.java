package dev.smtpd4c.auth.arc;

/** The chain validation status, both as an ARC-Seal cv= value and as a validator's verdict. */
public enum ArcChainStatus {
    NONE,
    PASS,
    FAIL;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Exact lower-case tokens only (RFC 8617 4.1.3); anything else is not a cv= value. */
    public static ArcChainStatus fromToken(String token) {
        return switch (token) {
            case "none" -> NONE;
            case "pass" -> PASS;
            case "fail" -> FAIL;
            default -> null;
        };
    }
}

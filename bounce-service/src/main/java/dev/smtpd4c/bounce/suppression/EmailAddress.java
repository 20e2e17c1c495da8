package dev.smtpd4c.bounce.suppression;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * A mailbox address normalised the way every SMTPD4C service keys recipients: lower-cased as a
 * whole and IDN domains in A-label form. RFC 5321 allows a case-sensitive local part, but no
 * mailbox provider of note uses one, bounce reports and ESPs lower-case addresses, and a
 * suppression that "Alice@" escaped because a bounce said "alice@" would be the worse error.
 * The same rule as optin-service's copy; services share no code.
 */
public record EmailAddress(String localPart, String domain) {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    /** Parses {@code raw}; empty when it is not a plausible mailbox address. */
    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1 || s.length() > 320) {
            return Optional.empty();
        }
        String local = s.substring(0, at).toLowerCase(Locale.ROOT);
        String domain;
        try {
            domain = IDN.toASCII(s.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (local.length() > MAX_LOCAL || domain.length() > MAX_DOMAIN || !domain.contains(".")
                || domain.startsWith(".") || domain.endsWith(".") || !validLocal(local)) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(local, domain));
    }

    /** Dot-atom local part (RFC 5322 3.2.3) with UTF-8 allowed (RFC 6531); no quoted strings. */
    private static boolean validLocal(String local) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean ok = c > 127 || Character.isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * The key events and rows use for {@code raw}: the normalised address, or, for a string that is
     * no valid address (reports do contain such), the string itself trimmed and lower-cased so it
     * is still recorded and announced rather than lost.
     */
    public static String normalise(String raw) {
        return parse(raw).map(EmailAddress::toString).orElseGet(() -> raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}

package dev.smtpd4c.optin.subscription;

import dev.smtpd4c.optin.address.AddressSyntax;
import java.util.Optional;

/**
 * A mailbox address normalised the way every SMTPD4C service keys recipients: lower-cased as a
 * whole and IDN domains in A-label form. RFC 5321 allows a case-sensitive local part, but no
 * mailbox provider of note uses one, bounce reports and ESPs lower-case addresses, and a
 * suppression that "Alice@" escaped because a bounce said "alice@" would be the worse error.
 */
public record EmailAddress(String localPart, String domain) {

    /** Parses {@code raw}; empty when it is not a mailbox address (see {@link AddressSyntax}). */
    public static Optional<EmailAddress> parse(String raw) {
        return AddressSyntax.check(raw).asOptional();
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}

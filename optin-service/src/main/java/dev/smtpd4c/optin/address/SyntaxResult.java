package dev.smtpd4c.optin.address;

import dev.smtpd4c.optin.subscription.EmailAddress;
import java.util.Optional;

/**
 * Outcome of {@link AddressSyntax#check}: either a normalised address or the first problem found.
 *
 * @param address    the normalised address, null when {@code problem} is set
 * @param problem    why the input is not an address, null when it is one
 * @param smtpUtf8   the local part has non-ASCII characters: only SMTPUTF8 servers (RFC 6531) take it
 */
public record SyntaxResult(EmailAddress address, AddressProblem problem, boolean smtpUtf8) {

    static SyntaxResult valid(EmailAddress address, boolean smtpUtf8) {
        return new SyntaxResult(address, null, smtpUtf8);
    }

    static SyntaxResult invalid(AddressProblem problem) {
        return new SyntaxResult(null, problem, false);
    }

    public boolean isValid() {
        return address != null;
    }

    public Optional<EmailAddress> asOptional() {
        return Optional.ofNullable(address);
    }
}

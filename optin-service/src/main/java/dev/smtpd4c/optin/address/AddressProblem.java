package dev.smtpd4c.optin.address;

import java.util.Locale;

/** Why an address was not accepted; {@link #code()} is stable and appears in API replies. */
public enum AddressProblem {
    EMPTY("The address is empty."),
    TOO_LONG("The address is longer than 254 octets (RFC 5321 4.5.3.1.3)."),
    NO_AT("The address has no '@'."),
    LOCAL_PART_EMPTY("Nothing before the '@'."),
    LOCAL_PART_TOO_LONG("The part before the '@' is longer than 64 octets (RFC 5321 4.5.3.1.1)."),
    LOCAL_PART_SYNTAX("The part before the '@' is not a dot-atom or quoted string (RFC 5321 4.1.2, RFC 6531)."),
    DOMAIN_EMPTY("Nothing after the '@'."),
    DOMAIN_TOO_LONG("The domain is longer than 253 octets."),
    DOMAIN_SYNTAX("The domain is not a valid host name (RFC 5321 4.1.2, IDNA)."),
    ADDRESS_LITERAL("Addresses with an IP literal instead of a domain are not accepted."),
    NO_TOP_LEVEL_DOMAIN("The domain has no top-level domain."),
    DISPOSABLE("The domain hands out disposable addresses."),
    NO_SUCH_DOMAIN("The domain does not exist in DNS."),
    NULL_MX("The domain publishes a null MX: it accepts no mail (RFC 7505)."),
    NO_MAIL_HOST("The domain has neither an MX nor an A/AAAA record, so no mail can be delivered to it."),
    DNS_TEMPORARY_FAILURE("DNS could not answer for the domain right now; try again later.");

    private final String detail;

    AddressProblem(String detail) {
        this.detail = detail;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String detail() {
        return detail;
    }
}

package dev.smtpd4c.optin.address;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the service makes of an address, as POST /api/v1/address-checks returns it and sign-up acts on it.
 *
 * @param input       what was asked about, as given
 * @param address     the normalised address (lower case, A-label domain); null when the syntax is wrong
 * @param verdict     {@code accept} or {@code reject}: what a sign-up with this address gets
 * @param problems    why it is rejected (empty when accepted), stable codes
 * @param mailDomain  what DNS says about the domain
 * @param disposable  the domain is on the disposable-domain list
 * @param smtpUtf8    the local part is non-ASCII: only SMTPUTF8 servers (RFC 6531) can take it
 * @param suggestion  the address with the provider domain it was probably meant to have (gmial.com → gmail.com)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AddressVerdict(String input, String address, String verdict, List<Finding> problems,
        MailDomain mailDomain, boolean disposable, boolean smtpUtf8, String suggestion) {

    public record Finding(String code, String detail) {
        static Finding of(AddressProblem p) {
            return new Finding(p.code(), p.detail());
        }
    }

    public boolean accepted() {
        return problems.isEmpty();
    }
}

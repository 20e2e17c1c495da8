package dev.smtpd4c.optin.address;

/** Whether DNS says a domain can receive mail (RFC 5321 5.1, RFC 7505). */
public enum MailDomain {
    /** One or more MX records. */
    MX(true),
    /** No MX, but an A or AAAA record: the host itself receives (the implicit MX). */
    ADDRESS(true),
    /** The single MX "0 ." says the domain accepts no mail. */
    NULL_MX(false),
    /** The name exists, with neither MX nor address. */
    NO_MAIL_HOST(false),
    /** NXDOMAIN. */
    NO_SUCH_DOMAIN(false),
    /** SERVFAIL, REFUSED, a timeout or a network error: no answer either way. */
    TEMPORARY_FAILURE(false),
    /** Not looked up (the address was refused before DNS was asked). */
    NOT_CHECKED(false);

    private final boolean receives;

    MailDomain(boolean receives) {
        this.receives = receives;
    }

    public boolean receivesMail() {
        return receives;
    }
}

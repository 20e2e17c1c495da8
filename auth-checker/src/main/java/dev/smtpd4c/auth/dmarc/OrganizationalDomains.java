package dev.smtpd4c.auth.dmarc;

/**
 * Finds the Organizational Domain of a name. Two ways exist: the RFC 9989 DNS tree walk
 * ({@link TreeWalkOrganizationalDomains}) and the RFC 7489 Public Suffix List
 * ({@link PublicSuffixOrganizationalDomains}); alignment only needs this question answered.
 */
public interface OrganizationalDomains {

    /**
     * The Organizational Domain, lower case ASCII without trailing dot.
     *
     * @throws DmarcTempException when DNS could not answer (the DMARC result is then temperror)
     */
    String of(String domain) throws DmarcTempException;
}

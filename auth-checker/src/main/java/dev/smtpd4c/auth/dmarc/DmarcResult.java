package dev.smtpd4c.auth.dmarc;

import dev.smtpd4c.auth.AuthResult;

/**
 * The DMARC verdict for one message, flat for logs, headers and reports.
 *
 * @param result PASS, FAIL, NONE (no policy published), TEMPERROR (DNS trouble during discovery)
 * @param disposition what the domain owner asks for this message: NONE on pass; on fail p/sp/np,
 *     weakened one step under t=y
 * @param fromDomain the RFC5322.From domain
 * @param policyDomain where the policy record was found, null without one
 * @param organizationalDomain of the From domain
 * @param spfAligned SPF passed for a domain aligned with From
 * @param dkimAlignedDomain d= of the first passing aligned DKIM signature, null if none
 * @param record the policy record applied, null without one
 * @param problem why temperror or none, for people; empty otherwise
 */
public record DmarcResult(
        AuthResult result,
        DmarcPolicy disposition,
        String fromDomain,
        String policyDomain,
        String organizationalDomain,
        boolean spfAligned,
        String dkimAlignedDomain,
        DmarcRecord record,
        String problem) {

    public DmarcResult {
        problem = problem == null ? "" : problem;
    }
}

/**
 * DMARC per RFC 9989 (DMARCbis) with RFC 9990 report-destination authorisation.
 * {@link dev.smtpd4c.auth.dmarc.DmarcEvaluator} takes the SPF result and the DKIM signature
 * results as inputs ({@link dev.smtpd4c.auth.dmarc.DkimSignatureResult}), discovers the policy
 * with the DNS tree walk ({@link dev.smtpd4c.auth.dmarc.DmarcDiscovery}, at most 8 queries) and
 * aligns identifiers through an {@link dev.smtpd4c.auth.dmarc.OrganizationalDomains}: the tree
 * walk by default, or the Public Suffix List for RFC 7489 comparisons.
 *
 * <p>Choices: a missing or invalid p= is read as none; pct= (removed by RFC 9989) is a finding,
 * and pct=0 is read as t=y; a DNS failure during discovery is temperror, but a DNS failure while
 * deciding whether the From domain exists never escalates to np=.
 */
package dev.smtpd4c.auth.dmarc;

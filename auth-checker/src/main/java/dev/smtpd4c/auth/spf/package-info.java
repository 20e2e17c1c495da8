/**
 * SPF (RFC 7208): {@link dev.smtpd4c.auth.spf.SpfEvaluator} answers check_host() for a message,
 * {@link dev.smtpd4c.auth.spf.SpfLinter} reviews a domain's publishing. Pure Java on the
 * {@link dev.smtpd4c.auth.dns.DnsResolver} interface: no Quarkus, no reflection, no regular
 * expressions on record text, so hostile records cost linear time.
 *
 * <p>Conformance: the openspf RFC 7208 suite passes 203/203 ({@code SpfRfc7208ConformanceTest});
 * the historic RFC 4408 suite 191/191 within its own list of acceptable results.
 *
 * <p>Choices where the RFC leaves room, all matching pyspf: mechanism targets that no DNS query
 * can carry (empty or over-long labels after macro expansion) do not match; the PTR query of
 * {@code ptr} counts as a void lookup when empty, A/AAAA lookups of MX hosts do not; more than
 * 10 MX hosts is permerror; %{i} of IPv6 is written with upper-case nibbles.
 */
package dev.smtpd4c.auth.spf;

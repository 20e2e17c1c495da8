/**
 * ARC per RFC 8617: {@link dev.smtpd4c.auth.arc.ArcValidator} gives the chain validation
 * status (none/pass/fail with a reason and the oldest-pass instance) and {@link
 * dev.smtpd4c.auth.arc.ArcSealer} adds the next ARC set when a service of ours forwards mail.
 * ARC-Message-Signature reuses the DKIM signature machinery; the ARC-Seal has its own parser
 * because its tags and signing input differ.
 */
package dev.smtpd4c.auth.arc;

/**
 * A raw RFC 5322 message as the authentication checks need it: header fields byte-exact and
 * in order, the body as octets, line ends normalised to CRLF, and {@link
 * dev.smtpd4c.auth.AuthResult}, the result vocabulary every check shares. Parsing never
 * throws; bad input comes back as {@link dev.smtpd4c.auth.message.ParsedMessage.Malformed}.
 */
package dev.smtpd4c.auth.message;

import dev.smtpd4c.auth.AuthResult;

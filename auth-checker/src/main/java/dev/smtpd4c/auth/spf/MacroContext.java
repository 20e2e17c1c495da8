package dev.smtpd4c.auth.spf;

import java.util.function.UnaryOperator;

/**
 * The values macro letters expand to (RFC 7208 section 7.3) for one check_host() call.
 *
 * @param sender full sender, local-part@domain (%{s})
 * @param localPart %{l}
 * @param senderDomain %{o}
 * @param domain the current domain (%{d}); changes with include and redirect
 * @param ip the client address (%{i}, %{c}, %{v})
 * @param helo the HELO/EHLO name (%{h})
 * @param receiver the checking host's domain (%{r}, explanation only)
 * @param timestamp seconds since the epoch (%{t}, explanation only)
 * @param validatedName %{p} for a given current domain, computed only when used: it costs DNS queries
 */
public record MacroContext(
        String sender,
        String localPart,
        String senderDomain,
        String domain,
        IpAddress ip,
        String helo,
        String receiver,
        long timestamp,
        UnaryOperator<String> validatedName) {

    MacroContext withDomain(String newDomain) {
        return new MacroContext(sender, localPart, senderDomain, newDomain, ip, helo, receiver, timestamp,
                validatedName);
    }
}

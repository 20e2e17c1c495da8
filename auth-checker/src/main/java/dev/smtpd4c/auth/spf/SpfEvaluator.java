package dev.smtpd4c.auth.spf;

import dev.smtpd4c.auth.AuthResult;
import dev.smtpd4c.auth.dns.DnsResolver;
import java.util.Locale;

/**
 * RFC 7208 SPF verification. Thread-safe: each check keeps its own counters, so one evaluator
 * (and its resolver cache) serves all messages.
 */
public final class SpfEvaluator {

    private final DnsResolver dns;
    private final SpfOptions options;

    public SpfEvaluator(DnsResolver dns) {
        this(dns, SpfOptions.defaults());
    }

    public SpfEvaluator(DnsResolver dns, SpfOptions options) {
        this.dns = dns;
        this.options = options;
    }

    /**
     * Checks the MAIL FROM identity, or the HELO identity when MAIL FROM is empty (the null reverse
     * path of bounces), as section 2.4 describes.
     *
     * @param ip the connecting client's address
     * @param mailFrom the envelope sender, may be empty
     * @param helo the HELO/EHLO name
     */
    public SpfResult check(String ip, String mailFrom, String helo) {
        String sender = mailFrom == null || mailFrom.isEmpty() ? "postmaster@" + helo : mailFrom;
        return checkHost(ip, domainOf(sender), sender, helo);
    }

    /** check_host(ip, domain, sender) of section 4, with the HELO name for %{h}. */
    public SpfResult checkHost(String ip, String domain, String sender, String helo) {
        IpAddress address = IpAddress.parse(ip);
        if (address == null) {
            throw new IllegalArgumentException("not an IP address: " + ip);
        }
        int at = sender.lastIndexOf('@');
        String local = at <= 0 ? "postmaster" : sender.substring(0, at);
        String fullSender = at < 0 ? "postmaster@" + sender : local + "@" + sender.substring(at + 1);
        String d = stripDot(domain);
        if (!isValidDomain(d)) {
            return new SpfResult(AuthResult.NONE, domain, null, null, 0, 0, "malformed domain '" + domain + "'");
        }
        SpfCheck check = new SpfCheck(dns, options, address);
        MacroContext ctx = new MacroContext(fullSender, local, domainOf(fullSender), d, address,
                helo == null ? "" : helo, options.receiver(), options.clock().getAsLong(), check::validatedName);
        return check.run(ctx);
    }

    private static String domainOf(String sender) {
        int at = sender.lastIndexOf('@');
        return at < 0 ? sender : sender.substring(at + 1);
    }

    static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * Section 4.3: a malformed name (empty or over-long labels), a domain literal or a single-label
     * name gives "none" without any DNS query.
     */
    static boolean isValidDomain(String name) {
        return !name.startsWith("[") && name.indexOf('.') > 0 && isDnsName(name);
    }

    /** True when a query can be composed for the name: 1-63 octet labels, 253 octets in all. */
    static boolean isDnsName(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                int len = i - labelStart;
                if (len == 0 || len > 63) {
                    return false;
                }
                labelStart = i + 1;
            }
        }
        return true;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

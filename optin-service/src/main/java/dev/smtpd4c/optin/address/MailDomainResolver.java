package dev.smtpd4c.optin.address;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks DNS whether a domain can receive mail: MX, else A/AAAA (RFC 5321 5.1), a null MX (RFC 7505)
 * meaning it cannot. One configured resolver (or the machine's), CNAMEs followed, answers and
 * NXDOMAIN/NODATA cached for their TTL. Never throws for DNS outcomes.
 */
public final class MailDomainResolver {

    private static final Logger LOG = Logger.getLogger(MailDomainResolver.class);
    private static final int CACHE_ENTRIES = 10_000;

    private final SimpleResolver resolver;
    private final Cache cache = new Cache(DClass.IN);
    private final String server;

    /** {@code server}: {@code host:port}, {@code [v6]:port} or a bare IP (port 53); null or blank = the machine's resolver. */
    public MailDomainResolver(String server, Duration timeout) {
        InetSocketAddress address = server == null || server.isBlank() ? system() : parse(server);
        this.resolver = new SimpleResolver(address);
        this.resolver.setTimeout(timeout);
        this.cache.setMaxEntries(CACHE_ENTRIES);
        this.server = address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    public String server() {
        return server;
    }

    /** {@code domain}: an A-label host name, as {@link AddressSyntax} returns it. */
    public MailDomain resolve(String domain) {
        Name name;
        try {
            name = Name.fromString(domain, Name.root);
        } catch (TextParseException e) {
            return MailDomain.NO_SUCH_DOMAIN;
        }
        Answer mx = lookup(name, Type.MX);
        switch (mx.result) {
            case Lookup.SUCCESSFUL -> {
                boolean anyHost = mx.records.stream().anyMatch(r -> !((MXRecord) r).getTarget().equals(Name.root));
                return anyHost ? MailDomain.MX : MailDomain.NULL_MX;
            }
            case Lookup.HOST_NOT_FOUND -> {
                return MailDomain.NO_SUCH_DOMAIN;
            }
            case Lookup.TYPE_NOT_FOUND -> {
                // no MX: the implicit MX is the host itself
            }
            default -> {
                return temporary(domain, "MX", mx);
            }
        }
        boolean temporary = false;
        for (int type : new int[] {Type.A, Type.AAAA}) {
            Answer a = lookup(name, type);
            if (a.result == Lookup.SUCCESSFUL) {
                return MailDomain.ADDRESS;
            }
            if (a.result != Lookup.TYPE_NOT_FOUND && a.result != Lookup.HOST_NOT_FOUND) {
                temporary = true;
                LOG.debugf("DNS %s %s: %s", Type.string(type), domain, a.error);
            }
        }
        return temporary ? MailDomain.TEMPORARY_FAILURE : MailDomain.NO_MAIL_HOST;
    }

    private record Answer(int result, List<Record> records, String error) {}

    private Answer lookup(Name name, int type) {
        Lookup lookup = new Lookup(name, type, DClass.IN);
        lookup.setResolver(resolver);
        lookup.setCache(cache);
        Record[] records = lookup.run();
        return new Answer(lookup.getResult(), records == null ? List.of() : List.of(records), lookup.getErrorString());
    }

    private MailDomain temporary(String domain, String what, Answer answer) {
        LOG.infof("DNS %s look-up for %s at %s failed for now: %s", what, domain, server, answer.error);
        return MailDomain.TEMPORARY_FAILURE;
    }

    private static InetSocketAddress system() {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        if (servers.isEmpty()) {
            throw new IllegalStateException("no system DNS resolver found (/etc/resolv.conf); set SMTPD4C_DNS=host:port");
        }
        return servers.get(0);
    }

    static InetSocketAddress parse(String server) {
        String s = server.strip();
        String host = s;
        int port = 53;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("SMTPD4C_DNS: missing ']' in " + server);
            }
            host = s.substring(1, close);
            if (close + 1 < s.length()) {
                port = Integer.parseInt(s.substring(close + 2));
            }
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = Integer.parseInt(s.substring(s.indexOf(':') + 1));
        }
        if (!host.isEmpty() && !Character.isDigit(host.charAt(0)) && !host.contains(":")) {
            throw new IllegalArgumentException("SMTPD4C_DNS must be an IP address (host:port), got " + server);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port); // an IP literal: no look-up happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("SMTPD4C_DNS: not an IP address: " + server, e);
        }
    }
}

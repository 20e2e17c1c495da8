package dev.smtpd4c.auth.dns;

import com.google.common.net.InetAddresses;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SPFRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * {@link DnsResolver} on dnsjava: one configured server, UDP with EDNS (DO bit set so DNSSEC data
 * comes back) and TCP when the answer is truncated, a bounded TTL cache, and optionally local
 * DNSSEC validation against configured trust anchors. Never throws for DNS outcomes.
 */
public final class DnsjavaResolver implements DnsResolver {

    /** A CNAME chain longer than this is treated as a failure, like common recursive resolvers do. */
    private static final int MAX_CNAME_QUERIES = 8;
    /** Conservative EDNS buffer size (DNS flag day 2020): larger answers go over TCP. */
    private static final int EDNS_PAYLOAD = 1232;

    private final Resolver resolver;
    private final DnsCache cache;
    private final DnsServerConfig config;

    public DnsjavaResolver(DnsServerConfig config) {
        this(config, System::nanoTime);
    }

    DnsjavaResolver(DnsServerConfig config, LongSupplier nanoClock) {
        this.config = config;
        SimpleResolver simple;
        try {
            simple = new SimpleResolver(InetAddresses.forString(config.host()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DNS server must be an IP address, got " + config.host(), e);
        }
        simple.setPort(config.port());
        simple.setTimeout(config.timeout());
        simple.setEDNS(0, EDNS_PAYLOAD, ExtendedFlags.DO, List.of());
        // dnsjava retries over TCP by itself when the TC flag is set unless told to ignore truncation.
        simple.setIgnoreTruncation(false);
        this.resolver = config.trustAnchors() == null ? simple : validating(simple, config.trustAnchors());
        this.cache = new DnsCache(config.cacheEntries(), nanoClock);
    }

    private static Resolver validating(SimpleResolver upstream, String anchors) {
        ValidatingResolver v = new ValidatingResolver(upstream);
        try {
            v.loadTrustAnchors(new ByteArrayInputStream(anchors.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read DNSSEC trust anchors", e);
        }
        return v;
    }

    public DnsServerConfig config() {
        return config;
    }

    /** Forgets every cached answer (after a zone was changed on purpose, or between tests). */
    public void clearCache() {
        cache.clear();
    }

    int cacheSize() {
        return cache.size();
    }

    @Override
    public DnsAnswer<String> txt(String name) {
        return query(name, Type.TXT, r -> String.join("", ((TXTRecord) r).getStrings()));
    }

    @Override
    public DnsAnswer<String> spfType(String name) {
        return query(name, Type.SPF, r -> String.join("", ((SPFRecord) r).getStrings()));
    }

    @Override
    public DnsAnswer<String> a(String name) {
        return query(name, Type.A, r -> ((ARecord) r).getAddress().getHostAddress());
    }

    @Override
    public DnsAnswer<String> aaaa(String name) {
        return query(name, Type.AAAA, r -> ((AAAARecord) r).getAddress().getHostAddress());
    }

    @Override
    public DnsAnswer<Mx> mx(String name) {
        return query(name, Type.MX, r -> {
            MXRecord mx = (MXRecord) r;
            return new Mx(mx.getPriority(), withoutDot(mx.getTarget()));
        });
    }

    @Override
    public DnsAnswer<String> cname(String name) {
        return query(name, Type.CNAME, r -> withoutDot(((CNAMERecord) r).getTarget()));
    }

    @Override
    public DnsAnswer<String> ptr(String ipAddress) {
        InetAddress address;
        try {
            address = InetAddresses.forString(ipAddress);
        } catch (IllegalArgumentException e) {
            return DnsAnswer.of(DnsAnswer.Status.NXDOMAIN, "not an IP address: " + ipAddress);
        }
        return query(withoutDot(ReverseMap.fromAddress(address)), Type.PTR,
                r -> withoutDot(((PTRRecord) r).getTarget()));
    }

    private static String withoutDot(Name name) {
        String s = name.toString();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s; // the root "." becomes ""
    }

    private <T> DnsAnswer<T> query(String name, int type, Function<Record, T> convert) {
        String key = Type.string(type) + " " + name.toLowerCase(Locale.ROOT);
        DnsAnswer<T> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Name qname;
        try {
            qname = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            // Empty or over-long labels: no query can carry the name, so it cannot exist.
            return DnsAnswer.of(DnsAnswer.Status.NXDOMAIN, "invalid domain name '" + name + "': " + e.getMessage());
        }
        DnsResponseMapper.Mapped<T> mapped = null;
        for (int i = 0; i < MAX_CNAME_QUERIES; i++) {
            mapped = ask(qname, type, convert);
            if (mapped.cnameTarget() == null) {
                break;
            }
            qname = mapped.cnameTarget();
        }
        if (mapped.cnameTarget() != null) {
            return DnsAnswer.of(DnsAnswer.Status.TEMPFAIL, "CNAME chain too long at " + name);
        }
        cache.put(key, mapped.answer(), mapped.ttlSeconds());
        return mapped.answer();
    }

    private <T> DnsResponseMapper.Mapped<T> ask(Name qname, int type, Function<Record, T> convert) {
        Message query = Message.newQuery(Record.newRecord(qname, type, DClass.IN));
        // RFC 6840 5.7: ask an upstream validating resolver to say whether it validated.
        query.getHeader().setFlag(Flags.AD);
        Message response;
        try {
            response = resolver.send(query);
        } catch (IOException e) {
            return new DnsResponseMapper.Mapped<>(DnsAnswer.of(DnsAnswer.Status.TEMPFAIL,
                    "no answer from " + config.host() + ":" + config.port() + " for " + qname + "/"
                            + Type.string(type) + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                                    : e.getMessage())), 0, null);
        }
        return DnsResponseMapper.map(response, qname, type, convert);
    }
}

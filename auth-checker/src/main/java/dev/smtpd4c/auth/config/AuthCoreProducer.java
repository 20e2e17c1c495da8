package dev.smtpd4c.auth.config;

import dev.smtpd4c.auth.dns.DnsResolver;
import dev.smtpd4c.auth.dns.DnsServerConfig;
import dev.smtpd4c.auth.dns.DnsjavaResolver;
import dev.smtpd4c.auth.records.HttpsMtaStsPolicyFetcher;
import dev.smtpd4c.auth.records.MtaStsPolicyFetcher;
import dev.smtpd4c.auth.report.DomainChecker;
import dev.smtpd4c.auth.verify.MessageVerifier;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;
import org.xbill.DNS.ResolverConfig;

/** Builds the pure core (resolver, checker, verifier) from {@link AuthConfig}; nothing else wires it. */
public class AuthCoreProducer {

    private static final Logger LOG = Logger.getLogger(AuthCoreProducer.class);

    @Produces
    @Singleton
    DnsjavaResolver resolver(AuthConfig config) {
        AuthConfig.Dns dns = config.dns();
        DnsServerConfig server = DnsServerConfig.of(dns.server().filter(s -> !s.isBlank()).orElseGet(AuthCoreProducer::system))
                .withTimeout(dns.timeout()).withCacheEntries(dns.cacheEntries());
        if (dns.trustAnchors().isPresent() && !dns.trustAnchors().get().isBlank()) {
            server = server.withTrustAnchors(dns.trustAnchors().get());
        }
        LOG.infof("DNS resolver %s:%d (timeout %s, DNSSEC %s)", server.host(), server.port(), server.timeout(),
                server.trustAnchors() != null ? "validated locally" : dns.upstreamValidates() ? "from upstream AD flag" : "not validated");
        return new DnsjavaResolver(server);
    }

    /** The first resolver of the system configuration, as host:port. */
    private static String system() {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        if (servers.isEmpty()) {
            throw new IllegalStateException("no system DNS resolver found (/etc/resolv.conf); set SMTPD4C_DNS=host:port");
        }
        InetSocketAddress s = servers.get(0);
        String host = s.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + s.getPort();
    }

    @Produces
    @Singleton
    @DefaultBean
    MtaStsPolicyFetcher mtaStsFetcher(AuthConfig config) {
        AuthConfig.MtaSts sts = config.mtaSts();
        return sts.fetchEnabled() ? new HttpsMtaStsPolicyFetcher(sts.fetchTimeout(), sts.maxPolicyBytes())
                : MtaStsPolicyFetcher.disabled();
    }

    @Produces
    @Singleton
    DomainChecker domainChecker(DnsjavaResolver dns, MtaStsPolicyFetcher fetcher, AuthConfig config) {
        return new DomainChecker(dns, fetcher, dns.config().trustAnchors() != null || config.dns().upstreamValidates());
    }

    @Produces
    @Singleton
    MessageVerifier messageVerifier(DnsjavaResolver dns, Clock clock, AuthConfig config) {
        return new MessageVerifier(dns, clock, config.verify().authservId());
    }

    /** The interface too, for code that needs DNS but not the concrete resolver. */
    @Produces
    @Singleton
    DnsResolver dnsResolver(DnsjavaResolver dns) {
        return dns;
    }
}

package dev.smtpd4c.optin.consent;

import dev.smtpd4c.optin.config.OptinConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads ClientInfo off an HTTP request with the configured proxy trust. */
@ApplicationScoped
public class ClientInfoResolver {

    private final int trustedHops;

    public ClientInfoResolver(OptinConfig config) {
        this.trustedHops = config.consent().trustedProxyHops();
    }

    public ClientInfo of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return ClientInfo.resolve(peer, request.getHeader("X-Forwarded-For"), request.getHeader("User-Agent"), trustedHops);
    }
}

package dev.smtpd4c.optin.consent;

import java.util.Arrays;
import java.util.List;

/** Who made a request, as far as the service can tell: the client IP and user agent stored with consent. */
public record ClientInfo(String ip, String userAgent) {

    /** For steps the service takes by itself (mail sent, expiry). */
    public static final ClientInfo SYSTEM = new ClientInfo(null, null);

    /**
     * The client IP: the peer address, unless {@code trustedHops} proxies in front append to
     * X-Forwarded-For, in which case the entry they appended for the client (n-th from the right).
     * Entries further left are whatever the client sent and prove nothing.
     */
    public static ClientInfo resolve(String peer, String forwardedFor, String userAgent, int trustedHops) {
        String ip = peer;
        if (trustedHops > 0 && forwardedFor != null && !forwardedFor.isBlank()) {
            List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).toList();
            if (hops.size() >= trustedHops) {
                ip = hops.get(hops.size() - trustedHops);
            }
        }
        return new ClientInfo(ip, userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 500)));
    }
}

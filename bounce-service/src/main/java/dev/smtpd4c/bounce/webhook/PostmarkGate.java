package dev.smtpd4c.bounce.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Postmark does not sign its webhooks. What it can do is send HTTP Basic credentials put into the
 * webhook URL, so that is the proof, compared in constant time; an allowlist of Postmark's source
 * addresses can be added. Both need HTTPS in front of the service.
 */
final class PostmarkGate {

    private static final String POSTMARK = "Postmark";

    private final Optional<byte[]> expected;
    private final List<String> allowed;

    PostmarkGate(Optional<String> username, Optional<String> password, Optional<List<String>> allowedIps) {
        this.expected = username.isPresent() && password.isPresent()
                ? Optional.of(sha256(username.get() + ":" + password.get())) : Optional.empty();
        this.allowed = allowedIps.orElse(List.of());
    }

    void check(String authorization, String remoteIp) {
        byte[] want = expected.orElseThrow(() -> WebhookRejected.notConfigured(POSTMARK,
                "smtpd4c.webhooks.postmark.username and .password are"));
        if (!allowed.isEmpty() && allowed.stream().noneMatch(cidr -> inRange(remoteIp, cidr))) {
            throw WebhookRejected.forged(POSTMARK, "source address " + remoteIp + " is not in smtpd4c.webhooks.postmark.allowed-ips");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw WebhookRejected.unsigned(POSTMARK, "no HTTP Basic credentials");
        }
        String given;
        try {
            given = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw WebhookRejected.unsigned(POSTMARK, "the Basic credentials are not base64");
        }
        // Digests of equal length, compared in constant time: neither content nor length leaks through timing.
        if (!MessageDigest.isEqual(sha256(given), want)) {
            throw WebhookRejected.unsigned(POSTMARK, "wrong credentials");
        }
    }

    /** {@code ip} within {@code cidr} ("192.0.2.0/24", "2001:db8::/32" or one address). */
    static boolean inRange(String ip, String cidr) {
        try {
            String[] parts = cidr.strip().split("/", 2);
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            byte[] addr = InetAddress.getByName(ip).getAddress();
            if (net.length != addr.length) {
                return false;
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
            for (int i = 0; i < net.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((net[i] & mask) != (addr[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

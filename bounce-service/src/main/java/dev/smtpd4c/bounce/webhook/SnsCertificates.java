package dev.smtpd4c.bounce.webhook;

import dev.smtpd4c.bounce.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * SNS signing certificates, fetched once per URL and kept. Only URLs that can be Amazon's are
 * fetched at all: https on sns.&lt;region&gt;.amazonaws.com (or .com.cn), default port, no user part.
 * The HTTPS connection to that host is what vouches for the certificate, as AWS documents.
 */
@ApplicationScoped
public class SnsCertificates {

    static final Pattern SNS_HOST = Pattern.compile("sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");

    private final SnsHttp http;
    private final Map<URI, X509Certificate> cache = new ConcurrentHashMap<>();

    public SnsCertificates(SnsHttp http) {
        this.http = http;
    }

    /** True for an https URL on an SNS host; SigningCertURL and SubscribeURL must both be one. */
    static boolean isSnsUrl(URI u) {
        return u != null && "https".equals(u.getScheme()) && u.getHost() != null && SNS_HOST.matcher(u.getHost()).matches()
                && u.getRawUserInfo() == null && (u.getPort() == -1 || u.getPort() == 443);
    }

    public X509Certificate certificate(URI url) {
        if (!isSnsUrl(url) || !url.getPath().endsWith(".pem")) {
            throw WebhookRejected.forged("Amazon SNS", "SigningCertURL " + url + " is not an https .pem URL on sns.<region>.amazonaws.com");
        }
        X509Certificate cert = cache.computeIfAbsent(url, this::fetch);
        try {
            cert.checkValidity();
        } catch (GeneralSecurityException e) {
            cache.remove(url);
            throw WebhookRejected.forged("Amazon SNS", "the signing certificate " + url + " is expired or not yet valid");
        }
        return cert;
    }

    private X509Certificate fetch(URI url) {
        try {
            byte[] pem = http.get(url);
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            // 503, not 403: SNS retries, and a passing network failure must not lose the notification.
            throw new ProblemException(503, "sns-certificate-unavailable", "SNS certificate unavailable",
                    "Could not fetch the SNS signing certificate " + url + ": " + e.getMessage() + "; nothing was stored.");
        }
    }
}

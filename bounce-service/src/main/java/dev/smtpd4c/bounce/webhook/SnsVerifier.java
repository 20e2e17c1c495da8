package dev.smtpd4c.bounce.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Proves an SNS message came from Amazon SNS: SignatureVersion 1 (SHA1withRSA) or 2
 * (SHA256withRSA) over the canonical string, with the certificate at SigningCertURL; optionally
 * that it came from one of our topics.
 */
final class SnsVerifier {

    private static final String SNS = "Amazon SNS";

    private final SnsCertificates certificates;
    private final Optional<List<String>> topicArns;

    SnsVerifier(SnsCertificates certificates, Optional<List<String>> topicArns) {
        this.certificates = certificates;
        this.topicArns = topicArns;
    }

    void verify(SnsMessage m) {
        if (m.signature().isEmpty() || m.signingCertUrl().isEmpty()) {
            throw WebhookRejected.unsigned(SNS, "the message has no Signature or SigningCertURL");
        }
        String algorithm = switch (m.signatureVersion()) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw WebhookRejected.forged(SNS, "SignatureVersion '" + m.signatureVersion() + "' is not 1 or 2");
        };
        X509Certificate cert = certificates.certificate(uri(m.signingCertUrl(), "SigningCertURL"));
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(cert.getPublicKey());
            s.update(m.canonical().getBytes(StandardCharsets.UTF_8));
            if (!s.verify(Base64.getDecoder().decode(m.signature()))) {
                throw WebhookRejected.forged(SNS, "the signature does not verify with " + m.signingCertUrl());
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw WebhookRejected.forged(SNS, "the signature cannot be checked: " + e.getMessage());
        }
        if (topicArns.isPresent() && !topicArns.get().contains(m.topicArn())) {
            throw WebhookRejected.forged(SNS, "topic " + m.topicArn() + " is not in smtpd4c.webhooks.ses.topic-arns");
        }
    }

    /** The SubscribeURL of a verified confirmation, if it is one SNS could have sent. */
    URI subscribeUrl(SnsMessage m) {
        URI u = uri(m.subscribeUrl(), "SubscribeURL");
        if (!SnsCertificates.isSnsUrl(u)) {
            throw WebhookRejected.forged(SNS, "SubscribeURL " + u + " is not https on sns.<region>.amazonaws.com");
        }
        return u;
    }

    private static URI uri(String s, String field) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            throw WebhookRejected.forged(SNS, field + " is not a URL");
        }
    }
}

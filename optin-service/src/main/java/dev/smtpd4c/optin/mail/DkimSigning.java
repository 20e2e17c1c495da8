package dev.smtpd4c.optin.mail;

import dev.smtpd4c.optin.config.OptinConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Signs the transactional stream's mail with every key of smtpd4c.mail.dkim.keys (selector →
 * PKCS#8 private key, RSA or Ed25519) for the domain smtpd4c.mail.dkim.domain. With one RSA and one
 * Ed25519 key each mail carries both signatures, as RFC 8463 advises. No key: mail goes unsigned.
 */
@ApplicationScoped
public class DkimSigning {

    private static final Logger LOG = Logger.getLogger(DkimSigning.class);

    private final List<DkimSigner> signers;
    private final Clock clock;

    public DkimSigning(OptinConfig config, Clock clock) {
        this.clock = clock;
        OptinConfig.Dkim dkim = config.mail().dkim();
        Map<String, String> keys = new TreeMap<>(dkim.keys());
        if (!keys.isEmpty() && dkim.domain().isEmpty()) {
            throw new IllegalStateException("smtpd4c.mail.dkim.keys is set but smtpd4c.mail.dkim.domain is not; set the d= domain");
        }
        List<DkimSigner> list = new ArrayList<>();
        keys.forEach((selector, pem) -> list.add(new DkimSigner(dkim.domain().orElseThrow(), selector, privateKey(selector, pem))));
        this.signers = List.copyOf(list);
        if (signers.isEmpty()) {
            LOG.info("DKIM: no key configured (smtpd4c.mail.dkim.keys); transactional mail is sent unsigned");
        } else {
            signers.forEach(s -> LOG.infof("DKIM: signing transactional mail for %s with selector %s (%s)",
                    dkim.domain().orElseThrow(), s.selector(), s.algorithm()));
        }
    }

    public ComposedMail sign(ComposedMail mail) {
        ComposedMail out = mail;
        for (DkimSigner s : signers) {
            out = s.sign(out, clock.instant());
        }
        return out;
    }

    /** A PKCS#8 private key, PEM ("-----BEGIN PRIVATE KEY-----") or bare base64 DER. */
    static PrivateKey privateKey(String selector, String text) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("DKIM key of selector " + selector + " is not base64/PEM", e);
        }
        for (String algorithm : List.of("RSA", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalStateException("DKIM key of selector " + selector
                + " is neither an RSA nor an Ed25519 PKCS#8 private key (openssl genpkey ... | openssl pkcs8 -topk8 -nocrypt)");
    }
}

package dev.smtpd4c.bounce.webhook;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * SNS without the network: serves the certificate of a key pair made for this run (by the JDK's
 * keytool) at any .pem URL, and records every other GET (subscription confirmations).
 */
@Mock
@ApplicationScoped
public class FakeSnsHttp implements SnsHttp {

    static final PrivateKey KEY;
    static final String PEM;

    static {
        try {
            Path dir = Files.createTempDirectory("sns-test");
            Path store = dir.resolve("sns.p12");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "sns", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=sns.us-east-1.amazonaws.com", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", "changeit").redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + new String(p.getInputStream().readAllBytes()));
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, "changeit".toCharArray());
            }
            KEY = (PrivateKey) ks.getKey("sns", "changeit".toCharArray());
            Certificate cert = ks.getCertificate("sns");
            PEM = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Files.delete(store);
            Files.delete(dir);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final List<URI> certificateFetches = new CopyOnWriteArrayList<>();
    private final List<URI> confirmations = new CopyOnWriteArrayList<>();

    /** Methods, not fields: the test holds a client proxy, whose own fields are not the bean's. */
    List<URI> certificateFetches() {
        return certificateFetches;
    }

    List<URI> confirmations() {
        return confirmations;
    }

    @Override
    public byte[] get(URI uri) throws IOException {
        if (uri.getPath().endsWith(".pem")) {
            certificateFetches.add(uri);
            return PEM.getBytes(StandardCharsets.US_ASCII);
        }
        confirmations.add(uri);
        return "<ConfirmSubscriptionResponse/>".getBytes(StandardCharsets.UTF_8);
    }
}

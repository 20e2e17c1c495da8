package dev.smtpd4c.optin.enumeration;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The primary relay is a port that takes TCP connections and never says a word, so every mail
 * spends the whole {@code smtpd4c.mail.send-timeout} (3 s) on it before the secondary (GreenMail
 * on 3026) takes it. A reply that waited for its mail would take at least that long.
 */
public class SlowPrimaryRelayProfile implements QuarkusTestProfile {

    public static final long SEND_TIMEOUT_MILLIS = 3000;

    /** Never accepts: the kernel completes the handshakes, nobody answers (kept open for the JVM's life). */
    private static final ServerSocket SILENT_RELAY = open();

    private static ServerSocket open() {
        try {
            return new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the silent relay port", e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(SILENT_RELAY.getLocalPort()),
                "quarkus.mailer.secondary.host", "127.0.0.1", "quarkus.mailer.secondary.port", "3026",
                "smtpd4c.mail.send-timeout", SEND_TIMEOUT_MILLIS + "ms");
    }
}

package dev.smtpd4c.optin.mail;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The primary relay points at a closed port, so every mail must take the secondary (GreenMail on
 * 3026). Confirm links are issued already expired: the classes that need a broken primary and those
 * that need expired links share this one profile, so Quarkus starts once for both.
 */
public class PrimaryRelayDownProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", "1",
                "quarkus.mailer.secondary.host", "127.0.0.1", "quarkus.mailer.secondary.port", "3026",
                "smtpd4c.tokens.confirm-ttl", "0s");
    }
}

package dev.smtpd4c.optin.outbox;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service with its scheduled relay stopped: what is committed stays unpublished until a test publishes. */
public class RelayStoppedProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("smtpd4c.outbox.relay-enabled", "false");
    }
}

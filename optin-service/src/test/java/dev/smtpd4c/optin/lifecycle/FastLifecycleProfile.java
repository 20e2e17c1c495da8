package dev.smtpd4c.optin.lifecycle;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Reminder after 2 s, expiry after 8 s, looked at every second: a sign-up's whole life within a test. */
public class FastLifecycleProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("smtpd4c.lifecycle.reminder-after", "2s", "smtpd4c.lifecycle.expire-after", "8s",
                "smtpd4c.lifecycle.poll", "1s", "smtpd4c.mail.retry-poll", "1s");
    }
}

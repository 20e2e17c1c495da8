package dev.smtpd4c.optin.limits;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Limits small enough to reach in a test; the client IP comes from X-Forwarded-For (one trusted proxy), so tests can be many clients. */
public class SmallLimitsProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("smtpd4c.consent.trusted-proxy-hops", "1"),
                Map.entry("smtpd4c.limits.sign-up.per-ip", "3"),
                Map.entry("smtpd4c.limits.sign-up.per-address", "2"),
                Map.entry("smtpd4c.limits.sign-up.per-domain", "4"),
                Map.entry("smtpd4c.limits.resend.per-ip", "100"),
                Map.entry("smtpd4c.limits.resend.per-address", "100"),
                Map.entry("smtpd4c.limits.resend.per-domain", "100"),
                Map.entry("smtpd4c.limits.address-check.per-ip", "2"),
                Map.entry("smtpd4c.limits.resend-cap", "2"));
    }
}

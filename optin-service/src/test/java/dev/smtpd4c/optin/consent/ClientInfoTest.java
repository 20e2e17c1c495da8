package dev.smtpd4c.optin.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientInfoTest {

    @Test
    void forwardedForIsIgnoredUnlessProxiesAreTrusted() {
        assertThat(ClientInfo.resolve("10.0.0.5", "203.0.113.9", "ua", 0).ip()).isEqualTo("10.0.0.5");
    }

    @Test
    void theEntryTheTrustedProxyAppendedIsTheClient() {
        // The client forged the first entry; the one proxy in front appended the real peer last.
        assertThat(ClientInfo.resolve("10.0.0.5", "1.2.3.4, 203.0.113.9", "ua", 1).ip()).isEqualTo("203.0.113.9");
        assertThat(ClientInfo.resolve("10.0.0.5", "1.2.3.4, 203.0.113.9, 10.0.0.7", "ua", 2).ip()).isEqualTo("203.0.113.9");
    }

    @Test
    void tooFewEntriesFallBackToThePeer() {
        assertThat(ClientInfo.resolve("10.0.0.5", "203.0.113.9", "ua", 2).ip()).isEqualTo("10.0.0.5");
    }
}

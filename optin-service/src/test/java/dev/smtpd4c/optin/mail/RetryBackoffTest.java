package dev.smtpd4c.optin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofMinutes(10);

    @Test
    void doublesPerFailureUpToTheCap() {
        assertThat(RetryBackoff.after(1, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryBackoff.after(2, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RetryBackoff.after(5, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(32));
        assertThat(RetryBackoff.after(9, INITIAL, MAX)).isEqualTo(Duration.ofSeconds(512));
        assertThat(RetryBackoff.after(10, INITIAL, MAX)).isEqualTo(MAX);
        assertThat(RetryBackoff.after(1000, INITIAL, MAX)).isEqualTo(MAX);
    }
}

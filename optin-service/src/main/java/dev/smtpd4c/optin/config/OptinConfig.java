package dev.smtpd4c.optin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every setting of optin-service. Defaults suit the local run; secrets come only from the environment. */
@ConfigMapping(prefix = "smtpd4c")
public interface OptinConfig {

    /** Base URL people reach the service at, used in links in mail. */
    @WithDefault("http://localhost:8081")
    String publicBaseUrl();

    Outbox outbox();

    Mail mail();

    interface Outbox {
        /** False stops publishing (the rows wait); for maintenance of the broker. */
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the relay looks for rows without being woken (rows other replicas wrote, retries). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows published per database transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long to wait for the broker to acknowledge one batch. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** Published rows are deleted after this long. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Mail {
        @WithDefault("SMTPD4C <no-reply@smtpd4c.test>")
        String from();
    }
}

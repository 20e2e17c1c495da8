package dev.smtpd4c.bounce.config;

import io.smallrye.config.ConfigMapping;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting of bounce-service. Defaults suit the local run; secrets come only from the environment. */
@ConfigMapping(prefix = "smtpd4c")
public interface BounceConfig {

    Outbox outbox();

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

    Ingest ingest();

    interface Ingest {
        /** Largest accepted body of POST /api/v1/bounces; larger gets 413. */
        @WithDefault("25M")
        MemorySize maxSize();
    }

    Suppression suppression();

    interface Suppression {
        /** Soft bounces counted towards suppression: the default rule, and rules per reason. */
        SoftRule soft();

        /** Per reason (e.g. mailboxfull); a setting not given falls back to {@link #soft()}. */
        Map<String, SoftOverride> softByReason();

        /**
         * Soft-bounce reasons that say something about the sender, not the recipient (blocked,
         * reputation, content): they are recorded and counted in metrics, never held against the address.
         */
        @WithDefault("blocked,badreputation,spamdetected,policyviolation,speeding,toomanyconn,requireptr,authfailure,"
                + "norelaying,failedstarttls,securityerror,contenterror,virusdetected,mesgtoobig,notcompliantrfc,"
                + "syntaxerror,rejected,suppressed,onhold")
        List<String> senderSideReasons();
    }

    interface SoftRule {
        /** Soft bounces of one reason within {@link #window()} that suppress the address. */
        @WithDefault("3")
        int threshold();

        /** A bounce counts fully for this long ... */
        @WithDefault("P7D")
        Duration window();

        /** ... then its weight halves every half-life, so old trouble counts less than new ... */
        @WithDefault("P7D")
        Duration halfLife();

        /** ... and after this long it is forgotten. */
        @WithDefault("P30D")
        Duration expiry();
    }

    interface SoftOverride {
        Optional<Integer> threshold();

        Optional<Duration> window();

        Optional<Duration> halfLife();

        Optional<Duration> expiry();
    }

    Metrics metrics();

    interface Metrics {
        /** Sending domains that always get their own label value. */
        Optional<List<String>> domains();

        /** Further domains labelled as first seen, up to this many; the rest are "other". */
        @WithDefault("50")
        int maxDomains();

        /** Streams labelled as first seen, up to this many; the rest are "other". */
        @WithDefault("10")
        int maxStreams();
    }

    Webhooks webhooks();

    interface Webhooks {
        Ses ses();

        SendGrid sendgrid();

        Postmark postmark();

        Mailgun mailgun();
    }

    interface Ses {
        /** When set, only notifications from these SNS topics are accepted. */
        Optional<List<String>> topicArns();
    }

    interface SendGrid {
        /** The "Verification Key" of the signed event webhook: base64 DER (SubjectPublicKeyInfo) EC P-256 key. */
        Optional<String> publicKey();

        /** Requests whose timestamp is further than this from now are refused as stale or replayed. */
        @WithDefault("10m")
        Duration replayWindow();
    }

    interface Postmark {
        /** HTTP Basic credentials put into the webhook URL at Postmark; Postmark does not sign webhooks. */
        Optional<String> username();

        Optional<String> password();

        /** When set, only these source addresses or CIDR ranges may call the webhook. */
        Optional<List<String>> allowedIps();
    }

    interface Mailgun {
        /** The HTTP webhook signing key of the Mailgun domain. */
        Optional<String> signingKey();

        @WithDefault("5m")
        Duration replayWindow();
    }
}

package dev.smtpd4c.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every setting of auth-checker. Defaults suit the local run; secrets come only from the environment. */
@ConfigMapping(prefix = "smtpd4c")
public interface AuthConfig {

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

    Dns dns();

    interface Dns {
        /**
         * Resolver as host:port (an IP literal; "[v6]:port" for IPv6). Empty means the system's
         * first configured resolver (/etc/resolv.conf), which is what production uses.
         */
        Optional<String> server();

        /** Per query; an answer later than this is a temporary failure. */
        @WithDefault("2s")
        Duration timeout();

        /** Answers kept (TTL-bound); 0 disables the cache. */
        @WithDefault("10000")
        int cacheEntries();

        /**
         * DNSSEC trust anchors (DS or DNSKEY records, master-file format). When set, answers are
         * validated here and the report's DNSSEC status means "validated by auth-checker".
         */
        Optional<String> trustAnchors();

        /** The configured resolver validates DNSSEC itself, so its AD flag is worth reporting. */
        @WithDefault("false")
        boolean upstreamValidates();

        /** Name the readiness check asks for (MX); any answer but a failure means DNS works. */
        @WithDefault(".")
        String healthName();
    }

    Drift drift();

    interface Drift {
        /** How often every registered domain is re-checked and compared with its last snapshot (at least 1s). */
        @WithDefault("6h")
        Duration interval();
    }

    Senders senders();

    interface Senders {
        /** How often SenderJob compares recent observations with the registrations (at least 1s). */
        @WithDefault("1m")
        Duration checkInterval();

        /**
         * An unregistered sender is announced when it starts, and again only after it was not seen
         * for this long; it counts in smtpd4c_unexpected_senders until then.
         */
        @WithDefault("P7D")
        Duration quietPeriod();

        /** Items per POST /api/v1/observations. */
        @WithDefault("1000")
        int maxBatch();

        /** A DMARC report upload (compressed or not) larger than this is refused with 413. */
        @WithDefault("10485760")
        int maxReportBytes();

        /** The report's XML after decompression; a decompression bomb stops here (413). */
        @WithDefault("33554432")
        int maxReportXmlBytes();

        /** Records per DMARC report. */
        @WithDefault("100000")
        int maxReportRecords();
    }

    MtaSts mtaSts();

    interface MtaSts {
        /** False: policies are never fetched and a published MTA-STS record reports policy-unavailable. */
        @WithDefault("true")
        boolean fetchEnabled();

        /** Limit for the whole HTTPS exchange. */
        @WithDefault("10s")
        Duration fetchTimeout();

        /** Larger policy files are refused. */
        @WithDefault("65536")
        int maxPolicyBytes();
    }

    Verify verify();

    interface Verify {
        /** authserv-id of the Authentication-Results fields this service writes (RFC 8601 2.5). */
        @WithDefault("auth-checker.smtpd4c")
        String authservId();

        /** Messages larger than this are refused with 413. */
        @WithDefault("10485760")
        int maxMessageBytes();
    }
}

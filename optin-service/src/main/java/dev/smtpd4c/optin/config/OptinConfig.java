package dev.smtpd4c.optin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting of optin-service. Defaults suit the local run; secrets come only from the environment. */
@ConfigMapping(prefix = "smtpd4c")
public interface OptinConfig {

    /** Base URL people reach the service at, used in links in mail. */
    @WithDefault("http://localhost:8081")
    String publicBaseUrl();

    Outbox outbox();

    Mail mail();

    Tokens tokens();

    Consent consent();

    Dns dns();

    Address address();

    Limits limits();

    Lifecycle lifecycle();

    /** What happens to a sign-up nobody confirms (SubscriptionLifecycleJob). */
    interface Lifecycle {
        /** One reminder this long after the confirmation mail went out. */
        @WithDefault("P2D")
        Duration reminderAfter();

        /** A sign-up still pending this long after it was made expires; keep it at most smtpd4c.tokens.confirm-ttl. */
        @WithDefault("P7D")
        Duration expireAfter();

        /** How often the job looks. */
        @WithDefault("1m")
        Duration poll();
    }

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
        /**
         * Threads sending confirmation mail after the reply; mails to one address always use the same
         * one, in order. Sized for the SMTP round trip: 8 lanes at 20 ms each is 400 mails/s.
         */
        @WithDefault("8")
        int sendLanes();

        /** From of the transactional stream (its own identity, apart from any marketing sender). */
        @WithDefault("SMTPD4C <no-reply@smtpd4c.test>")
        String from();

        /** MAIL FROM of the transactional stream, where its bounces go; default: the From address. */
        Optional<String> bounceAddress();

        /** Locales with templates (templates/mail/KIND.LOCALE.txt|html); a sign-up in any other gets the first fallback, en. */
        @WithDefault("en,de,fr")
        List<String> locales();

        /** How long one relay may take to accept a mail before the next relay is tried. */
        @WithDefault("30s")
        Duration sendTimeout();

        Dkim dkim();

        Throttle throttle();

        /** How often the retry job looks for confirmation mails neither relay accepted. */
        @WithDefault("2s")
        Duration retryPoll();

        /** Wait before the first retry; doubled per attempt up to {@link #retryMaxDelay()}. */
        @WithDefault("2s")
        Duration retryInitialDelay();

        @WithDefault("10m")
        Duration retryMaxDelay();
    }

    /** Per-destination-domain token bucket (DomainThrottle): receivers rate-limit senders that burst. */
    interface Throttle {
        @WithDefault("true")
        boolean enabled();

        /** Mails per second to one domain, in the long run. */
        @WithDefault("50")
        double perSecond();

        /** Mails to one domain that may go at once after a quiet spell. */
        @WithDefault("100")
        int burst();

        /** Own limits for some domains: smtpd4c.mail.throttle.domains."gmail.com".per-second=… */
        Map<String, Limit> domains();
    }

    interface Limit {
        double perSecond();

        @WithDefault("1")
        int burst();
    }

    interface Dkim {
        /** d= of the signatures: the From domain or a parent of it (DMARC alignment). */
        Optional<String> domain();

        /** selector -> PKCS#8 private key (PEM or base64 DER, RSA ≥ 2048 bits or Ed25519), only from the environment. */
        Map<String, String> keys();
    }

    interface Tokens {
        /** kid -> secret (at least 32 bytes), from the environment; keep a retired kid until its links expired. */
        Map<String, String> keys();

        /** The kid that signs new tokens. */
        String activeKid();

        @WithDefault("P7D")
        Duration confirmTtl();

        /** Long, because RFC 8058 one-click links sit in old mails for months. */
        @WithDefault("P365D")
        Duration unsubscribeTtl();
    }

    interface Consent {
        /**
         * How many reverse proxies in front of the service append to X-Forwarded-For. 0 = ignore the
         * header (anyone can forge it); n = the n-th address from the right is the client.
         */
        @WithDefault("0")
        int trustedProxyHops();

        /** Version of the sign-up form and consent text, stored with every consent step unless the request names one. */
        @WithDefault("v1")
        String textVersion();
    }

    interface Dns {
        /** Resolver {@code host:port} (IP literal); empty = the machine's resolver (/etc/resolv.conf). */
        Optional<String> server();

        @WithDefault("2s")
        Duration timeout();
    }

    interface Address {
        /** What a sign-up gets when DNS cannot answer for its domain right now (SERVFAIL, REFUSED, timeout). */
        @WithDefault("accept")
        TemporaryFailurePolicy onDnsTemporaryFailure();

        /** Disposable-domain list, one domain a line; empty = the list built into the service. */
        Optional<String> disposableDomainsFile();

        /** False = report disposable domains in address checks but let them sign up. */
        @WithDefault("true")
        boolean rejectDisposable();
    }

    enum TemporaryFailurePolicy { ACCEPT, REJECT }

    interface Limits {
        /** False switches off every rate limit and the honeypot (SMTPD4C_LIMITS_ENABLED; the benchmark does). */
        @WithDefault("true")
        boolean enabled();

        Rule signUp();

        Rule resend();

        /** Only {@code per-ip} applies. */
        Rule addressCheck();

        /** Confirmation mails re-sent on request per round of double opt-in. */
        @WithDefault("3")
        int resendCap();

        /** Sign-ups and resends that fill in the hidden {@code website} field are answered as usual and dropped. */
        @WithDefault("true")
        boolean honeypot();

        /** Requests allowed per {@link #window()}; 0 = no limit on that dimension. */
        interface Rule {
            @WithDefault("1h")
            Duration window();

            int perIp();

            int perAddress();

            int perDomain();
        }
    }
}

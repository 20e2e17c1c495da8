package dev.smtpd4c.bounce.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.bounce.config.BounceConfig;
import dev.smtpd4c.bounce.ingest.InboundMessage;
import dev.smtpd4c.bounce.ingest.IngestResult;
import dev.smtpd4c.bounce.ingest.IngestService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import dev.smtpd4c.bounce.rest.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * ESP webhooks: prove the request came from the provider, read its events, and store them through
 * the same store-once, suppression and event path as raw bounce mail, in one transaction.
 */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    public record Reply(String status, List<IngestResult> results) {}

    private final IngestService ingest;
    private final WebhookTokens tokens;
    private final SnsHttp http;
    private final ObjectMapper json;
    private final Clock clock;
    private final SnsVerifier sns;
    private final SendGridVerifier sendgrid;
    private final PostmarkGate postmark;
    private final MailgunVerifier mailgun;
    private final BounceConfig.Mailgun mailgunConfig;

    public WebhookService(IngestService ingest, WebhookTokens tokens, SnsCertificates certificates, SnsHttp http,
            ObjectMapper json, BounceConfig config, Clock clock) {
        this.ingest = ingest;
        this.tokens = tokens;
        this.http = http;
        this.json = json;
        this.clock = clock;
        BounceConfig.Webhooks w = config.webhooks();
        this.sns = new SnsVerifier(certificates, w.ses().topicArns());
        this.sendgrid = new SendGridVerifier(w.sendgrid().publicKey(), w.sendgrid().replayWindow(), clock);
        this.postmark = new PostmarkGate(w.postmark().username(), w.postmark().password(), w.postmark().allowedIps());
        this.mailgun = new MailgunVerifier(w.mailgun().signingKey(), w.mailgun().replayWindow(), clock);
        this.mailgunConfig = w.mailgun();
    }

    public Reply ses(byte[] body) {
        SnsMessage m = SnsMessage.of(parse("Amazon SNS", body));
        sns.verify(m);
        switch (m.type()) {
            case "SubscriptionConfirmation" -> {
                confirm(m);
                return new Reply("subscription-confirmed", List.of());
            }
            case "Notification" -> {
                Optional<ProviderEvent> e = SesEvents.read(parse("Amazon SES", m.message().getBytes(StandardCharsets.UTF_8)), m.messageId());
                return new Reply("accepted", store(e.stream().toList(), () -> {}));
            }
            default -> {
                LOG.infof("Amazon SNS %s for topic %s ignored", m.type(), m.topicArn());
                return new Reply("ignored", List.of());
            }
        }
    }

    public Reply sendgrid(byte[] body, String signature, String timestamp) {
        sendgrid.verify(body, signature, timestamp);
        JsonNode events = parse("SendGrid", body);
        List<ProviderEvent> read = new ArrayList<>();
        events.forEach(e -> SendGridEvents.read(e).ifPresent(read::add));
        return new Reply("accepted", store(read, () -> {}));
    }

    public Reply postmark(byte[] body, String authorization, String remoteIp) {
        postmark.check(authorization, remoteIp);
        return new Reply("accepted", store(PostmarkEvents.read(parse("Postmark", body)).stream().toList(), () -> {}));
    }

    public Reply mailgun(byte[] body) {
        JsonNode n = parse("Mailgun", body);
        JsonNode sig = n.path("signature");
        String token = sig.path("token").asText("");
        mailgun.verify(sig.path("timestamp").asText(""), token, sig.path("signature").asText(""));
        List<ProviderEvent> read = MailgunEvents.read(n.path("event-data")).stream().toList();
        return new Reply("accepted", store(read, () -> tokens.claim("mailgun", token, clock.instant(), mailgunConfig.replayWindow())));
    }

    /** {@code guard} runs first in the transaction (a replay check), so a refused request stores nothing. */
    private List<IngestResult> store(List<ProviderEvent> events, Runnable guard) {
        return QuarkusTransaction.requiringNew().call(() -> {
            guard.run();
            List<IngestResult> out = new ArrayList<>();
            for (ProviderEvent e : events) {
                out.add(ingest.store(new InboundMessage(e.provider(), e.eventId(), "application/json", e.json()), e.records()));
            }
            return out;
        });
    }

    private void confirm(SnsMessage m) {
        try {
            http.get(sns.subscribeUrl(m));
            LOG.infof("Amazon SNS subscription to %s confirmed", m.topicArn());
        } catch (IOException e) {
            throw new ProblemException(502, "sns-confirmation-failed", "SNS confirmation failed",
                    "Confirming the subscription to " + m.topicArn() + " failed: " + e.getMessage() + "; SNS will resend it.");
        }
    }

    private JsonNode parse(String provider, byte[] body) {
        try {
            JsonNode n = json.readTree(body);
            if (n == null || !(n.isObject() || n.isArray())) {
                throw WebhookRejected.malformed(provider, "the body is not a JSON object or array");
            }
            return n;
        } catch (IOException e) {
            throw WebhookRejected.malformed(provider, "the body is not JSON");
        }
    }
}

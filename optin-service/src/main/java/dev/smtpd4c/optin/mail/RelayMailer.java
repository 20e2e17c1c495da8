package dev.smtpd4c.optin.mail;

import dev.smtpd4c.optin.config.OptinConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.MailerName;
import io.quarkus.runtime.Startup;
import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Hands a composed mail to the primary relay (quarkus.mailer.*) and, when that fails — connection
 * refused, timeout or any 4xx/5xx reply — to the secondary (quarkus.mailer.secondary.*). Returns
 * once one of them accepted; throws when neither did. The mail goes as composed: fixed header
 * fields and a 7-bit body the client sends line by line unchanged, so a DKIM signature holds.
 */
@Startup // registers both failure series at start, so the alert has a zero to compare against
@ApplicationScoped
public class RelayMailer {

    private static final Logger LOG = Logger.getLogger(RelayMailer.class);

    private final MailClient primary;
    private final MailClient secondary;
    private final Duration timeout;
    private final Counter primaryFailures;
    private final Counter secondaryFailures;

    public RelayMailer(MailClient primary, @MailerName("secondary") MailClient secondary, OptinConfig config,
            MeterRegistry registry) {
        this.primary = primary;
        this.secondary = secondary;
        this.timeout = config.mail().sendTimeout();
        this.primaryFailures = failures(registry, "primary");
        this.secondaryFailures = failures(registry, "secondary");
    }

    /** Returns which relay accepted the mail: "primary" or "secondary". */
    public String send(ComposedMail mail) {
        MailMessage message = message(mail);
        try {
            primary.sendMail(message).await().atMost(timeout);
            return "primary";
        } catch (RuntimeException e) {
            primaryFailures.increment();
            LOG.warnf("mail to %s: the primary relay did not accept it (%s); trying the secondary relay",
                    mail.recipient(), e.getMessage());
        }
        try {
            secondary.sendMail(message).await().atMost(timeout);
            return "secondary";
        } catch (RuntimeException e) {
            secondaryFailures.increment();
            throw new RelayException("neither relay accepted the mail to " + mail.recipient()
                    + "; check quarkus.mailer.* and quarkus.mailer.secondary.*: " + e.getMessage(), e);
        }
    }

    /** Fixed headers: the client adds none of its own. The body has no CR and 7-bit lines, so the client sends it as is. */
    static MailMessage message(ComposedMail mail) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        mail.headers().forEach(h -> headers.add(h.name(), h.value()));
        return new MailMessage().setFixedHeaders(true).setHeaders(headers)
                .setBounceAddress(mail.envelopeFrom()).setFrom(mail.envelopeFrom()).setTo(List.of(mail.recipient()))
                .setText(mail.body().replace("\r\n", "\n"));
    }

    private static Counter failures(MeterRegistry registry, String relay) {
        return Counter.builder("smtpd4c.mail.send.failures").tag("relay", relay)
                .description("Mails an SMTP relay did not accept").register(registry);
    }

    /** Both relays refused or were unreachable. */
    public static class RelayException extends RuntimeException {
        RelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

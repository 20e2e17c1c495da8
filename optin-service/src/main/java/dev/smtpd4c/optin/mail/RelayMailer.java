package dev.smtpd4c.optin.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.MailerName;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Hands a mail to the primary relay (quarkus.mailer.*) and, when that fails — connection refused,
 * timeout or any 4xx/5xx reply — to the secondary (quarkus.mailer.secondary.*). Returns once one
 * of them accepted; throws when neither did.
 */
@Startup // registers both failure series at start, so the alert has a zero to compare against
@ApplicationScoped
public class RelayMailer {

    private static final Logger LOG = Logger.getLogger(RelayMailer.class);

    private final Mailer primary;
    private final Mailer secondary;
    private final Counter primaryFailures;
    private final Counter secondaryFailures;

    public RelayMailer(Mailer primary, @MailerName("secondary") Mailer secondary, MeterRegistry registry) {
        this.primary = primary;
        this.secondary = secondary;
        this.primaryFailures = failures(registry, "primary");
        this.secondaryFailures = failures(registry, "secondary");
    }

    public void send(Mail mail) {
        try {
            primary.send(mail);
            return;
        } catch (RuntimeException e) {
            primaryFailures.increment();
            LOG.warnf("mail to %s: the primary relay did not accept it (%s); trying the secondary relay",
                    mail.getTo(), e.getMessage());
        }
        try {
            secondary.send(mail);
        } catch (RuntimeException e) {
            secondaryFailures.increment();
            throw new RelayException("neither relay accepted the mail to " + mail.getTo()
                    + "; check quarkus.mailer.* and quarkus.mailer.secondary.*: " + e.getMessage(), e);
        }
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

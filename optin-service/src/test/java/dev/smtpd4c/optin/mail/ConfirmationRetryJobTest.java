package dev.smtpd4c.optin.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.optin.consent.ConsentLedger;
import dev.smtpd4c.optin.consent.ConsentStep;
import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import dev.smtpd4c.optin.support.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A confirmation mail no relay accepted is sent by the scheduled retry job once a relay is back. */
@QuarkusTest
class ConfirmationRetryJobTest {

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    ConsentLedger ledger;

    @Test
    void aMailThatNoRelayAcceptedIsRetried() throws Exception {
        String address = "ivan-" + UUID.randomUUID() + "@smtpd4c.test";
        // The state a sign-up leaves when both relays refused its attempt: pending, unsent, due.
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.address = address;
        s.list = "news";
        s.status = Subscription.Status.PENDING;
        s.source = "test";
        s.locale = "en";
        s.requestedAt = Instant.now().minusSeconds(5);
        s.sendAttempts = 1;
        s.pendingMail = MailKind.CONFIRMATION;
        s.nextSendAt = Instant.now().minusSeconds(1);
        QuarkusTransaction.requiringNew().run(() -> subscriptions.persist(s));

        assertThat(GreenMail.primary().awaitMessages(address, Duration.ofSeconds(10))).hasSize(1);
        // GreenMail has the mail a moment before the job's bookkeeping commits.
        Subscription after = awaitSent(s.id, Duration.ofSeconds(5));
        assertThat(after.confirmationSentAt).isNotNull();
        assertThat(after.nextSendAt).isNull();
        assertThat(after.pendingMail).isNull();
        assertThat(ledger.export(address)).extracting(r -> r.step()).containsExactly(ConsentStep.MAIL_SENT);
        // Sent once: the job does not pick a sent row up again.
        Thread.sleep(2500);
        assertThat(GreenMail.primary().awaitMessages(address, Duration.ofSeconds(1))).hasSize(1);
    }

    private Subscription awaitSent(UUID id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Subscription s = QuarkusTransaction.requiringNew().call(() -> subscriptions.findById(id));
        while (s.confirmationSentAt == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
            s = QuarkusTransaction.requiringNew().call(() -> subscriptions.findById(id));
        }
        return s;
    }
}

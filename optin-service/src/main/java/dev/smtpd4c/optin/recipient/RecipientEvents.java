package dev.smtpd4c.optin.recipient;

import dev.smtpd4c.optin.events.RecipientStatusChanged;
import dev.smtpd4c.optin.events.SuppressionAdded;
import dev.smtpd4c.optin.events.SuppressionLifted;
import dev.smtpd4c.optin.mail.MailKind;
import dev.smtpd4c.optin.messaging.InvalidEventException;
import dev.smtpd4c.optin.subscription.Subscription;
import dev.smtpd4c.optin.subscription.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Applies suppression and recipient-status events in the consumer's transaction: the projection
 * {@link RecipientBlocks} reads, and on RECONFIRM a re-confirmation mail for each confirmed
 * subscription of the recipient (sent by the retry job). A record missing what the contract
 * requires is refused with the reason, for the dead-letter topic.
 */
@ApplicationScoped
public class RecipientEvents {

    private static final Logger LOG = Logger.getLogger(RecipientEvents.class);
    private static final Pattern SCOPE = Pattern.compile("global|stream:[a-z0-9._-]{1,100}");
    private static final Set<String> STATUSES = Set.of("ACTIVE", "REDUCED", "RECONFIRM", "SUNSET", "SUSPENDED");

    private final RecipientBlocks blocks;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;

    public RecipientEvents(RecipientBlocks blocks, SubscriptionRepository subscriptions, Clock clock) {
        this.blocks = blocks;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void suppressed(SuppressionAdded e) {
        require(address(e.address()) && e.scope() != null && SCOPE.matcher(e.scope()).matches() && e.reason() != null
                && e.suppressedAt() != null, "suppression.added.v1 needs address, scope (global|stream:<name>), reason and suppressedAt");
        blocks.suppressed(e);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lifted(SuppressionLifted e) {
        require(address(e.address()) && e.scope() != null && SCOPE.matcher(e.scope()).matches() && e.liftedAt() != null,
                "suppression.lifted.v1 needs address, scope (global|stream:<name>) and liftedAt");
        blocks.lifted(e);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(RecipientStatusChanged e) {
        require(address(e.recipient()) && e.stream() != null && !e.stream().isBlank() && STATUSES.contains(e.toStatus())
                && e.changedAt() != null, "recipient.status-changed.v1 needs recipient, stream, toStatus "
                + STATUSES + " and changedAt");
        if (!blocks.statusChanged(e)) {
            LOG.debugf("status of %s in %s at %s is older than the one stored; ignored", e.recipient(), e.stream(), e.changedAt());
            return;
        }
        if ("RECONFIRM".equals(e.toStatus())) {
            Instant now = clock.instant();
            // Asked already and not yet answered: one open request is enough.
            int asked = subscriptions.update("reconfirmRequestedAt = ?1, pendingMail = ?2, nextSendAt = ?1, sendAttempts = 0 "
                    + "where address = ?3 and status = ?4 and reconfirmRequestedAt is null",
                    now, MailKind.RECONFIRMATION, e.recipient(), Subscription.Status.CONFIRMED);
            if (asked > 0) {
                LOG.infof("sunset-service asked %s to re-confirm (%s): %d subscription(s) get a re-confirmation mail",
                        e.recipient(), e.reason(), asked);
            }
        }
    }

    private static boolean address(String a) {
        return a != null && a.length() >= 3 && a.length() <= 320 && a.indexOf('@') > 0;
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw new InvalidEventException(reason);
        }
    }
}

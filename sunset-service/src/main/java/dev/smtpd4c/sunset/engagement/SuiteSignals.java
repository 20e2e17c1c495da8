package dev.smtpd4c.sunset.engagement;

import dev.smtpd4c.sunset.events.BounceRecorded;
import dev.smtpd4c.sunset.events.ComplaintRecorded;
import dev.smtpd4c.sunset.events.SubscriptionConfirmed;
import dev.smtpd4c.sunset.messaging.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * What the other services' events mean for engagement: a confirmation is strong engagement, a hard
 * bounce and a complaint count towards suspension. Each is recorded like any engagement event (a
 * repeated incident of one message counts once) and the recipient's stream is decided at once, so a
 * second complaint suspends now and a confirmation lifts RECONFIRM now, not at the next evaluation.
 */
@ApplicationScoped
public class SuiteSignals {

    private static final Logger LOG = Logger.getLogger(SuiteSignals.class);
    /** Stream of a bounce or complaint whose message did not say (no X-SMTPD4C-Stream). */
    public static final String UNATTRIBUTED = "unattributed";

    private final EngagementService engagement;

    public SuiteSignals(EngagementService engagement) {
        this.engagement = engagement;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void confirmed(UUID eventId, SubscriptionConfirmed e) {
        if (!Addresses.validStream(e.list())) {
            LOG.debugf("confirmation %s: list '%s' is not a stream name; no engagement recorded", eventId, e.list());
            return;
        }
        apply(new Engagement(eventId, recipient(e.address()), e.list(), EngagementType.CONFIRMED, e.confirmedAt(), null, List.of()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void bounced(UUID eventId, BounceRecorded b) {
        if (!b.hardBounce() || "delayed".equalsIgnoreCase(b.action())) {
            return; // soft bounces and delays are bounce-service's business (it suppresses after enough of them)
        }
        apply(new Engagement(eventId, recipient(b.recipient()), stream(b.stream()), EngagementType.HARD_BOUNCED, at(b.recordedAt()),
                domain(b.sendingDomain()), ids(b.smtpd4cMessageId(), b.originalMessageId())));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complained(UUID eventId, ComplaintRecorded c) {
        if ("not-spam".equalsIgnoreCase(c.feedbackType())) {
            return; // a "this is not spam" report is the opposite of a complaint
        }
        apply(new Engagement(eventId, recipient(c.recipient()), stream(c.stream()), EngagementType.COMPLAINED, at(c.recordedAt()),
                domain(c.sendingDomain()), ids(c.smtpd4cMessageId(), c.originalMessageId())));
    }

    private void apply(Engagement e) {
        if (!engagement.recordNew(e)) {
            LOG.debugf("%s of %s (message %s) already counted from another source", e.type(), e.recipient(), e.messageIds());
        }
    }

    private static String recipient(String address) {
        return Addresses.normalise(address).orElseThrow(() -> new InvalidEventException("'" + address + "' is not an address"));
    }

    private static String stream(String stream) {
        String s = stream == null ? "" : stream.strip().toLowerCase(Locale.ROOT);
        return Addresses.validStream(s) ? s : UNATTRIBUTED;
    }

    private static Instant at(Instant t) {
        if (t == null) {
            throw new InvalidEventException("recordedAt is missing");
        }
        return t;
    }

    private static String domain(String d) {
        return d == null || d.isBlank() ? null : d.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> ids(String... ids) {
        return Stream.of(ids).filter(i -> i != null && !i.isBlank()).map(String::strip).distinct().toList();
    }
}

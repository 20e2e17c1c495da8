package dev.smtpd4c.sunset.recipient;

import dev.smtpd4c.sunset.events.CloudEvent;
import dev.smtpd4c.sunset.events.EventTypes;
import dev.smtpd4c.sunset.events.RecipientStatusChanged;
import dev.smtpd4c.sunset.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Announces status changes on recipient-status-events.v1 through the outbox, in the caller's transaction. */
@ApplicationScoped
public class StatusEvents {

    private final Outbox outbox;
    private final Clock clock;

    public StatusEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Announces {@code c} under {@code eventId}, which the caller derives so a repeated decision repeats the id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(StatusChange c, String cause, Instant changedAt, UUID eventId) {
        RecipientStatusChanged data = new RecipientStatusChanged(c.recipient(), c.stream(), c.fromStatus().name(),
                c.toStatus().name(), c.reason(), cause, changedAt);
        outbox.append(EventTypes.RECIPIENT_STATUS_EVENTS_TOPIC,
                new CloudEvent<>("1.0", eventId, CloudEvent.SOURCE, EventTypes.RECIPIENT_STATUS_CHANGED, clock.instant(),
                        "application/json", c.recipient(), data));
    }
}

package dev.smtpd4c.sunset.recipient;

import dev.smtpd4c.sunset.events.CloudEvent;
import dev.smtpd4c.sunset.events.EventTypes;
import dev.smtpd4c.sunset.events.RecipientStatusChanged;
import dev.smtpd4c.sunset.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Announces status changes on recipient-status-events.v1 through the outbox, in the caller's transaction. */
@ApplicationScoped
public class StatusEvents {

    private final Outbox outbox;
    private final Clock clock;

    public StatusEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(StatusChange c, String cause, Instant changedAt) {
        RecipientStatusChanged data = new RecipientStatusChanged(c.recipient(), c.stream(), c.fromStatus().name(),
                c.toStatus().name(), c.reason(), cause, changedAt);
        outbox.append(EventTypes.RECIPIENT_STATUS_EVENTS_TOPIC,
                CloudEvent.of(EventTypes.RECIPIENT_STATUS_CHANGED, c.recipient(), data, clock.instant()));
    }
}

package dev.smtpd4c.optin.messaging;

import dev.smtpd4c.optin.events.EventTypes;
import dev.smtpd4c.optin.events.RecipientStatusChanged;
import dev.smtpd4c.optin.events.SuppressionAdded;
import dev.smtpd4c.optin.events.SuppressionLifted;
import dev.smtpd4c.optin.recipient.RecipientEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * suppression-events.v1 from bounce-service and recipient-status-events.v1 from sunset-service.
 * Each record is applied in one transaction together with its event id, so a redelivery changes
 * nothing; a record that cannot be applied throws, and the connector moves it to
 * optin-service-dlq.v1 with the reason, without blocking the partition.
 */
@ApplicationScoped
public class RecipientEventsConsumer {

    private static final Logger LOG = Logger.getLogger(RecipientEventsConsumer.class);

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final RecipientEvents recipients;

    public RecipientEventsConsumer(EventReader reader, ProcessedEvents processed, RecipientEvents recipients) {
        this.reader = reader;
        this.processed = processed;
        this.recipients = recipients;
    }

    @Incoming("suppression-events")
    @Blocking
    @Transactional
    public void suppression(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming("recipient-status-events")
    @Blocking
    @Transactional
    public void recipientStatus(ConsumerRecord<String, String> record) {
        apply(record);
    }

    private void apply(ConsumerRecord<String, String> record) {
        EventReader.Envelope event = reader.read(record.key(), record.value());
        if (!processed.markIfNew(event.id(), event.type())) {
            LOG.debugf("event %s already applied; redelivery ignored", event.id());
            return;
        }
        switch (event.type()) {
            case EventTypes.SUPPRESSION_ADDED -> recipients.suppressed(reader.data(event, SuppressionAdded.class));
            case EventTypes.SUPPRESSION_LIFTED -> recipients.lifted(reader.data(event, SuppressionLifted.class));
            case EventTypes.RECIPIENT_STATUS_CHANGED -> recipients.statusChanged(reader.data(event, RecipientStatusChanged.class));
            default -> LOG.debugf("event type %s is not for this service; ignored", event.type());
        }
    }
}

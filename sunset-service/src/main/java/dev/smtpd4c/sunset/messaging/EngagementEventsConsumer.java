package dev.smtpd4c.sunset.messaging;

import dev.smtpd4c.sunset.engagement.EngagementService;
import dev.smtpd4c.sunset.events.EngagementRecorded;
import dev.smtpd4c.sunset.events.EventTypes;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * engagement-events.v1 from the organisation's mail system, applied like the REST batches. The
 * event id is recorded in the same transaction as the upsert, so a redelivery changes nothing; a
 * record that cannot be applied goes to sunset-service-dlq.v1 with the reason.
 */
@ApplicationScoped
public class EngagementEventsConsumer {

    private static final Logger LOG = Logger.getLogger(EngagementEventsConsumer.class);

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final EngagementService engagement;

    public EngagementEventsConsumer(EventReader reader, ProcessedEvents processed, EngagementService engagement) {
        this.reader = reader;
        this.processed = processed;
        this.engagement = engagement;
    }

    @Incoming("engagement-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        EventReader.Envelope event = reader.read(record.key(), record.value());
        if (!EventTypes.ENGAGEMENT_RECORDED.equals(event.type())) {
            LOG.debugf("event type %s is not for this service; ignored", event.type());
            return;
        }
        if (!processed.markIfNew(event.id(), event.type())) {
            LOG.debugf("event %s already applied; redelivery ignored", event.id());
            return;
        }
        EngagementRecorded data = reader.data(event, EngagementRecorded.class);
        try {
            engagement.recordNew(engagement.validate(new EngagementService.Item(event.id(), data.recipient(), data.stream(),
                    data.type(), data.at(), data.sendingDomain(), data.messageId())));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("engagement.recorded " + event.id() + ": " + e.getMessage(), e);
        }
    }
}

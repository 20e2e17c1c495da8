package dev.smtpd4c.sunset.messaging;

import dev.smtpd4c.sunset.events.EventTypes;
import dev.smtpd4c.sunset.events.SuppressionAdded;
import dev.smtpd4c.sunset.events.SuppressionLifted;
import dev.smtpd4c.sunset.suppression.SuppressionProjection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** suppression-events.v1 from bounce-service, kept so may-send answers no for a suppressed address. */
@ApplicationScoped
public class SuppressionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SuppressionEventsConsumer.class);

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final SuppressionProjection suppressions;

    public SuppressionEventsConsumer(EventReader reader, ProcessedEvents processed, SuppressionProjection suppressions) {
        this.reader = reader;
        this.processed = processed;
        this.suppressions = suppressions;
    }

    @Incoming("suppression-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        EventReader.Envelope event = reader.read(record.key(), record.value());
        if (!processed.markIfNew(event.id(), event.type())) {
            LOG.debugf("event %s already applied; redelivery ignored", event.id());
            return;
        }
        switch (event.type()) {
            case EventTypes.SUPPRESSION_ADDED -> suppressions.added(reader.data(event, SuppressionAdded.class));
            case EventTypes.SUPPRESSION_LIFTED -> suppressions.lifted(reader.data(event, SuppressionLifted.class));
            default -> LOG.debugf("event type %s is not for this service; ignored", event.type());
        }
    }
}

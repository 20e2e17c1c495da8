package dev.smtpd4c.sunset.messaging;

import dev.smtpd4c.sunset.engagement.SuiteSignals;
import dev.smtpd4c.sunset.events.BounceRecorded;
import dev.smtpd4c.sunset.events.ComplaintRecorded;
import dev.smtpd4c.sunset.events.EventTypes;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * bounce-events.v1 from bounce-service: hard bounces and complaints count towards suspension (and
 * complaints towards the complaint rate). Applied with the event id in one transaction; a record
 * that cannot be applied goes to sunset-service-dlq.v1 with the reason.
 */
@ApplicationScoped
public class BounceEventsConsumer {

    private static final Logger LOG = Logger.getLogger(BounceEventsConsumer.class);

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final SuiteSignals signals;

    public BounceEventsConsumer(EventReader reader, ProcessedEvents processed, SuiteSignals signals) {
        this.reader = reader;
        this.processed = processed;
        this.signals = signals;
    }

    @Incoming("bounce-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        EventReader.Envelope event = reader.read(record.key(), record.value());
        if (!processed.markIfNew(event.id(), event.type())) {
            LOG.debugf("event %s already applied; redelivery ignored", event.id());
            return;
        }
        switch (event.type()) {
            case EventTypes.BOUNCE_RECORDED -> signals.bounced(event.id(), reader.data(event, BounceRecorded.class));
            case EventTypes.COMPLAINT_RECORDED -> signals.complained(event.id(), reader.data(event, ComplaintRecorded.class));
            default -> LOG.debugf("event type %s is not for this service; ignored", event.type());
        }
    }
}

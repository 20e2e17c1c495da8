package dev.smtpd4c.auth.messaging;

import dev.smtpd4c.auth.events.EventTypes;
import dev.smtpd4c.auth.events.SubscriptionRequested;
import dev.smtpd4c.auth.subscription.SubscriptionProjection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * subscription-events.v1 from optin-service. Each record is applied in one transaction together
 * with its event id, so a redelivery changes nothing; a record that cannot be applied throws, and
 * the connector moves it to auth-checker-dlq.v1 with the reason, without blocking the partition.
 */
@ApplicationScoped
public class SubscriptionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SubscriptionEventsConsumer.class);

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final SubscriptionProjection subscriptions;

    public SubscriptionEventsConsumer(EventReader reader, ProcessedEvents processed, SubscriptionProjection subscriptions) {
        this.reader = reader;
        this.processed = processed;
        this.subscriptions = subscriptions;
    }

    @Incoming("subscription-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        EventReader.Envelope event = reader.read(record.key(), record.value());
        if (!processed.markIfNew(event.id(), event.type())) {
            LOG.debugf("event %s already applied; redelivery ignored", event.id());
            return;
        }
        switch (event.type()) {
            case EventTypes.SUBSCRIPTION_REQUESTED -> subscriptions.requested(reader.data(event, SubscriptionRequested.class));
            default -> LOG.debugf("event type %s is not for this service; ignored", event.type());
        }
    }
}

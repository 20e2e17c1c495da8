package dev.smtpd4c.sunset.messaging;

import dev.smtpd4c.sunset.engagement.SuiteSignals;
import dev.smtpd4c.sunset.events.EventTypes;
import dev.smtpd4c.sunset.events.SubscriberErased;
import dev.smtpd4c.sunset.events.SubscriptionConfirmed;
import dev.smtpd4c.sunset.events.SubscriptionRequested;
import dev.smtpd4c.sunset.events.SubscriptionUnsubscribed;
import dev.smtpd4c.sunset.subscription.SubscriberErasure;
import dev.smtpd4c.sunset.subscription.SubscriptionProjection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * subscription-events.v1 from optin-service. Each record is applied in one transaction together
 * with its event id, so a redelivery changes nothing; a record that cannot be applied throws, and
 * the connector moves it to sunset-service-dlq.v1 with the reason, without blocking the partition.
 */
@ApplicationScoped
public class SubscriptionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SubscriptionEventsConsumer.class);

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final SubscriptionProjection subscriptions;
    private final SuiteSignals signals;
    private final SubscriberErasure erasure;

    public SubscriptionEventsConsumer(EventReader reader, ProcessedEvents processed, SubscriptionProjection subscriptions,
            SuiteSignals signals, SubscriberErasure erasure) {
        this.reader = reader;
        this.processed = processed;
        this.subscriptions = subscriptions;
        this.signals = signals;
        this.erasure = erasure;
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
            case EventTypes.SUBSCRIPTION_CONFIRMED -> {
                SubscriptionConfirmed confirmed = reader.data(event, SubscriptionConfirmed.class);
                subscriptions.confirmed(confirmed);
                signals.confirmed(event.id(), confirmed);
            }
            case EventTypes.SUBSCRIPTION_UNSUBSCRIBED -> subscriptions.unsubscribed(reader.data(event, SubscriptionUnsubscribed.class));
            case EventTypes.SUBSCRIBER_ERASED -> LOG.infof("erasure %s: %d rows deleted", event.id(),
                    erasure.erase(reader.data(event, SubscriberErased.class)));
            default -> LOG.debugf("event type %s is not for this service; ignored", event.type());
        }
    }
}

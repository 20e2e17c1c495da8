package dev.smtpd4c.optin.events;

import java.util.Map;

/** The event types this service produces or consumes, with their records; the contract test walks this map. */
public final class EventTypes {

    public static final String SUBSCRIPTION_EVENTS_TOPIC = "subscription-events.v1";

    public static final String SUBSCRIPTION_REQUESTED = "dev.smtpd4c.subscription.requested.v1";

    public static final String SUBSCRIPTION_CONFIRMED = "dev.smtpd4c.subscription.confirmed.v1";

    public static final String SUBSCRIPTION_UNSUBSCRIBED = "dev.smtpd4c.subscription.unsubscribed.v1";

    public static final String SUBSCRIBER_ERASED = "dev.smtpd4c.subscriber.erased.v1";

    public static final Map<String, Class<? extends Record>> PRODUCED = Map.of(
            SUBSCRIPTION_REQUESTED, SubscriptionRequested.class,
            SUBSCRIPTION_CONFIRMED, SubscriptionConfirmed.class,
            SUBSCRIPTION_UNSUBSCRIBED, SubscriptionUnsubscribed.class,
            SUBSCRIBER_ERASED, SubscriberErased.class);

    public static final Map<String, Class<? extends Record>> CONSUMED = Map.of();

    private EventTypes() {}
}

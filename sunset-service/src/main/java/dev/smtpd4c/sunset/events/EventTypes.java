package dev.smtpd4c.sunset.events;

import java.util.Map;

/** The event types this service produces or consumes, with their records; the contract test walks this map. */
public final class EventTypes {

    public static final String SUBSCRIPTION_EVENTS_TOPIC = "subscription-events.v1";
    public static final String ENGAGEMENT_EVENTS_TOPIC = "engagement-events.v1";
    public static final String RECIPIENT_STATUS_EVENTS_TOPIC = "recipient-status-events.v1";

    public static final String SUBSCRIPTION_REQUESTED = "dev.smtpd4c.subscription.requested.v1";
    public static final String ENGAGEMENT_RECORDED = "dev.smtpd4c.engagement.recorded.v1";
    public static final String RECIPIENT_STATUS_CHANGED = "dev.smtpd4c.recipient.status-changed.v1";

    public static final Map<String, Class<? extends Record>> PRODUCED = Map.of(
            RECIPIENT_STATUS_CHANGED, RecipientStatusChanged.class);

    public static final Map<String, Class<? extends Record>> CONSUMED = Map.of(
            SUBSCRIPTION_REQUESTED, SubscriptionRequested.class,
            ENGAGEMENT_RECORDED, EngagementRecorded.class);

    private EventTypes() {}
}

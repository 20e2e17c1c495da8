package dev.smtpd4c.sunset.events;

import java.util.Map;

/** The event types this service produces or consumes, with their records; the contract test walks this map. */
public final class EventTypes {

    public static final String SUBSCRIPTION_EVENTS_TOPIC = "subscription-events.v1";
    public static final String ENGAGEMENT_EVENTS_TOPIC = "engagement-events.v1";
    public static final String RECIPIENT_STATUS_EVENTS_TOPIC = "recipient-status-events.v1";
    public static final String COMPLAINT_RATE_EVENTS_TOPIC = "complaint-rate-events.v1";
    public static final String BOUNCE_EVENTS_TOPIC = "bounce-events.v1";
    public static final String SUPPRESSION_EVENTS_TOPIC = "suppression-events.v1";

    public static final String SUBSCRIPTION_REQUESTED = "dev.smtpd4c.subscription.requested.v1";
    public static final String SUBSCRIPTION_CONFIRMED = "dev.smtpd4c.subscription.confirmed.v1";
    public static final String SUBSCRIPTION_UNSUBSCRIBED = "dev.smtpd4c.subscription.unsubscribed.v1";
    public static final String SUBSCRIBER_ERASED = "dev.smtpd4c.subscriber.erased.v1";
    public static final String BOUNCE_RECORDED = "dev.smtpd4c.bounce.recorded.v1";
    public static final String COMPLAINT_RECORDED = "dev.smtpd4c.complaint.recorded.v1";
    public static final String SUPPRESSION_ADDED = "dev.smtpd4c.suppression.added.v1";
    public static final String SUPPRESSION_LIFTED = "dev.smtpd4c.suppression.lifted.v1";
    public static final String ENGAGEMENT_RECORDED = "dev.smtpd4c.engagement.recorded.v1";
    public static final String RECIPIENT_STATUS_CHANGED = "dev.smtpd4c.recipient.status-changed.v1";
    public static final String COMPLAINT_RATE_CHANGED = "dev.smtpd4c.complaint-rate.changed.v1";

    public static final Map<String, Class<? extends Record>> PRODUCED = Map.of(
            RECIPIENT_STATUS_CHANGED, RecipientStatusChanged.class,
            COMPLAINT_RATE_CHANGED, ComplaintRateChanged.class);

    public static final Map<String, Class<? extends Record>> CONSUMED = Map.of(
            SUBSCRIPTION_REQUESTED, SubscriptionRequested.class,
            SUBSCRIPTION_CONFIRMED, SubscriptionConfirmed.class,
            SUBSCRIPTION_UNSUBSCRIBED, SubscriptionUnsubscribed.class,
            SUBSCRIBER_ERASED, SubscriberErased.class,
            ENGAGEMENT_RECORDED, EngagementRecorded.class,
            BOUNCE_RECORDED, BounceRecorded.class,
            COMPLAINT_RECORDED, ComplaintRecorded.class,
            SUPPRESSION_ADDED, SuppressionAdded.class,
            SUPPRESSION_LIFTED, SuppressionLifted.class);

    private EventTypes() {}
}

package dev.smtpd4c.bounce.events;

import java.util.Map;

/** The event types this service produces or consumes, with their records; the contract test walks this map. */
public final class EventTypes {

    public static final String SUBSCRIPTION_EVENTS_TOPIC = "subscription-events.v1";
    public static final String BOUNCE_EVENTS_TOPIC = "bounce-events.v1";
    public static final String SUPPRESSION_EVENTS_TOPIC = "suppression-events.v1";

    public static final String SUBSCRIPTION_REQUESTED = "dev.smtpd4c.subscription.requested.v1";
    public static final String BOUNCE_RECORDED = "dev.smtpd4c.bounce.recorded.v1";
    public static final String COMPLAINT_RECORDED = "dev.smtpd4c.complaint.recorded.v1";
    public static final String SUPPRESSION_ADDED = "dev.smtpd4c.suppression.added.v1";
    public static final String SUPPRESSION_LIFTED = "dev.smtpd4c.suppression.lifted.v1";

    public static final Map<String, Class<? extends Record>> PRODUCED = Map.of(
            BOUNCE_RECORDED, BounceRecorded.class,
            COMPLAINT_RECORDED, ComplaintRecorded.class,
            SUPPRESSION_ADDED, SuppressionAdded.class,
            SUPPRESSION_LIFTED, SuppressionLifted.class);

    public static final Map<String, Class<? extends Record>> CONSUMED = Map.of(
            SUBSCRIPTION_REQUESTED, SubscriptionRequested.class);

    private EventTypes() {}
}

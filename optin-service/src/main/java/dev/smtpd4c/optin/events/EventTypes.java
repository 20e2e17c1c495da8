package dev.smtpd4c.optin.events;

import java.util.Map;

/** The event types this service produces or consumes, with their records; the contract test walks this map. */
public final class EventTypes {

    public static final String SUBSCRIPTION_EVENTS_TOPIC = "subscription-events.v1";

    public static final String SUBSCRIPTION_REQUESTED = "dev.smtpd4c.subscription.requested.v1";

    public static final String SUBSCRIPTION_CONFIRMED = "dev.smtpd4c.subscription.confirmed.v1";

    public static final String SUBSCRIPTION_UNSUBSCRIBED = "dev.smtpd4c.subscription.unsubscribed.v1";

    public static final String SUBSCRIBER_ERASED = "dev.smtpd4c.subscriber.erased.v1";

    public static final String SUBSCRIPTION_MAIL_SENT = "dev.smtpd4c.subscription.mail-sent.v1";

    public static final String SUBSCRIPTION_EXPIRED = "dev.smtpd4c.subscription.expired.v1";

    public static final String SUPPRESSION_ADDED = "dev.smtpd4c.suppression.added.v1";

    public static final String SUPPRESSION_LIFTED = "dev.smtpd4c.suppression.lifted.v1";

    public static final String RECIPIENT_STATUS_CHANGED = "dev.smtpd4c.recipient.status-changed.v1";

    public static final Map<String, Class<? extends Record>> PRODUCED = Map.of(
            SUBSCRIPTION_REQUESTED, SubscriptionRequested.class,
            SUBSCRIPTION_CONFIRMED, SubscriptionConfirmed.class,
            SUBSCRIPTION_UNSUBSCRIBED, SubscriptionUnsubscribed.class,
            SUBSCRIBER_ERASED, SubscriberErased.class,
            SUBSCRIPTION_MAIL_SENT, MailSent.class,
            SUBSCRIPTION_EXPIRED, SubscriptionExpired.class);

    public static final Map<String, Class<? extends Record>> CONSUMED = Map.of(
            SUPPRESSION_ADDED, SuppressionAdded.class,
            SUPPRESSION_LIFTED, SuppressionLifted.class,
            RECIPIENT_STATUS_CHANGED, RecipientStatusChanged.class);

    private EventTypes() {}
}

package dev.smtpd4c.auth.events;

import java.util.Map;

/** The event types this service produces or consumes, with their records; the contract test walks this map. */
public final class EventTypes {

    public static final String SUBSCRIPTION_EVENTS_TOPIC = "subscription-events.v1";

    public static final String SUBSCRIPTION_REQUESTED = "dev.smtpd4c.subscription.requested.v1";

    public static final String DOMAIN_AUTH_EVENTS_TOPIC = "domain-auth-events.v1";

    public static final String DOMAIN_AUTH_CHECKED = "dev.smtpd4c.domain-auth.checked.v1";

    public static final String DOMAIN_AUTH_DRIFTED = "dev.smtpd4c.domain-auth.drifted.v1";

    public static final String DOMAIN_AUTH_SENDER_DRIFTED = "dev.smtpd4c.domain-auth.sender-drifted.v1";

    public static final Map<String, Class<? extends Record>> PRODUCED = Map.of(
            DOMAIN_AUTH_CHECKED, DomainAuthChecked.class,
            DOMAIN_AUTH_DRIFTED, DomainAuthDrifted.class,
            DOMAIN_AUTH_SENDER_DRIFTED, DomainAuthSenderDrifted.class);

    public static final Map<String, Class<? extends Record>> CONSUMED = Map.of(
            SUBSCRIPTION_REQUESTED, SubscriptionRequested.class);

    private EventTypes() {}
}

-- bounce-service's suppression list as this service hears it (suppression-events.v1): may-send says no.
CREATE TABLE suppression (
    address       TEXT        NOT NULL,            -- normalised address
    scope         TEXT        NOT NULL,            -- global, or stream:<name>
    reason        TEXT        NOT NULL,            -- hard-bounce, soft-bounce, complaint, manual
    detail        TEXT        NOT NULL,
    suppressed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (address, scope)
);

-- optin-service's confirmations and unsubscriptions (subscription-events.v1).
ALTER TABLE known_subscription ADD COLUMN confirmed_at TIMESTAMPTZ, ADD COLUMN unsubscribed_at TIMESTAMPTZ;
CREATE INDEX known_subscription_address_list ON known_subscription (address, list_name);
DROP INDEX known_subscription_address;

-- Every id under which a hard bounce or complaint of one message has been seen (X-SMTPD4C-Message-ID,
-- Message-ID, or event:<event id> when the source named neither). bounce-service's event and the
-- organisation's engagement feed may both report the same complaint: it counts once.
CREATE TABLE incident_key (
    recipient   TEXT        NOT NULL,
    kind        TEXT        NOT NULL,              -- HARD_BOUNCED or COMPLAINED
    message_key TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (recipient, kind, message_key)
);

-- Projection of optin-service's subscription events (foundation slice).
CREATE TABLE known_subscription (
    subscription_id UUID         PRIMARY KEY,
    address         TEXT         NOT NULL,
    list_name       TEXT         NOT NULL,
    requested_at    TIMESTAMPTZ,
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX known_subscription_address ON known_subscription (address);

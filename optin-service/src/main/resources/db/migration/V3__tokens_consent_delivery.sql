ALTER TABLE subscription
    ADD COLUMN confirmed_at    TIMESTAMPTZ,
    ADD COLUMN unsubscribed_at TIMESTAMPTZ,
    ADD COLUMN send_attempts   INT NOT NULL DEFAULT 0,
    ADD COLUMN next_send_at    TIMESTAMPTZ;            -- when the retry job may (re)try the confirmation mail
CREATE INDEX subscription_mail_due ON subscription (next_send_at) WHERE confirmation_sent_at IS NULL;

-- Confirmation tokens that were used, by SHA-256, so each link confirms once.
CREATE TABLE used_token (
    token_hash TEXT        PRIMARY KEY,
    used_at    TIMESTAMPTZ NOT NULL
);

-- Proof of consent: one row per step, never changed (erasure deletes, it does not rewrite).
CREATE TABLE consent_event (
    id              BIGSERIAL   PRIMARY KEY,
    subscription_id UUID        NOT NULL,
    address         TEXT        NOT NULL,
    list_name       TEXT        NOT NULL,
    step            TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    ip              TEXT,
    user_agent      TEXT,
    source          TEXT,
    text_version    TEXT
);
CREATE INDEX consent_event_address ON consent_event (address);
CREATE FUNCTION consent_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'consent_event is append-only';
END $$;
CREATE TRIGGER consent_event_no_update BEFORE UPDATE ON consent_event
    FOR EACH ROW EXECUTE FUNCTION consent_event_append_only();

-- What is left of an erased address: its SHA-256, to show the erasure happened.
CREATE TABLE erasure_tombstone (
    address_hash TEXT        PRIMARY KEY,
    erased_at    TIMESTAMPTZ NOT NULL
);

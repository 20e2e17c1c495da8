-- Every input (raw mail or one provider event) is stored once: a repeat finds its row and changes nothing.
CREATE TABLE inbound_message (
    id                BIGSERIAL    PRIMARY KEY,
    sha256            BYTEA        NOT NULL UNIQUE,  -- of the raw bytes
    source            TEXT         NOT NULL,         -- rest, ses, sendgrid, postmark, mailgun
    provider_event_id TEXT,                          -- webhooks: the provider's id of the event
    content_type      TEXT         NOT NULL,
    raw               BYTEA        NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL,
    UNIQUE (source, provider_event_id)
);

-- One row per classified result (BounceRecord), flat.
CREATE TABLE bounce (
    id                  BIGSERIAL    PRIMARY KEY,
    inbound_message_id  BIGINT       NOT NULL REFERENCES inbound_message (id),
    kind                TEXT         NOT NULL,       -- bounce, complaint, delivered, autoreply
    recipient           TEXT         NOT NULL,
    status              TEXT         NOT NULL,
    reply_code          TEXT         NOT NULL,
    reason              TEXT         NOT NULL,
    hard                BOOLEAN      NOT NULL,
    action              TEXT         NOT NULL,
    diagnostic_code     TEXT         NOT NULL,
    decoded_by          TEXT         NOT NULL,
    reporting_mta       TEXT         NOT NULL,
    remote_mta          TEXT         NOT NULL,
    feedback_type       TEXT         NOT NULL,
    original_message_id TEXT         NOT NULL,
    sending_domain      TEXT         NOT NULL,
    stream              TEXT         NOT NULL,
    smtpd4c_message_id  TEXT         NOT NULL,
    feedback_id         TEXT         NOT NULL,
    recorded_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX bounce_inbound ON bounce (inbound_message_id);
-- The soft-bounce history the suppression policy reads.
CREATE INDEX bounce_recipient_soft ON bounce (recipient, recorded_at) WHERE NOT hard AND kind = 'bounce';

-- The suppression list; a lifted entry stays as history, at most one active entry per address and scope.
CREATE TABLE suppression (
    id          BIGSERIAL    PRIMARY KEY,
    address     TEXT         NOT NULL,
    scope       TEXT         NOT NULL,               -- global, or stream:<name>
    reason      TEXT         NOT NULL,               -- hard-bounce, soft-bounce, complaint, manual
    detail      TEXT         NOT NULL,               -- bounce reason, feedback type or the operator's words
    source      TEXT         NOT NULL,               -- rest, ses, sendgrid, postmark, mailgun, api
    actor       TEXT         NOT NULL,
    bounce_id   BIGINT       REFERENCES bounce (id),
    created_at  TIMESTAMPTZ  NOT NULL,
    lifted_at   TIMESTAMPTZ,
    lifted_by   TEXT,
    lift_reason TEXT
);
CREATE UNIQUE INDEX suppression_active ON suppression (address, scope) WHERE lifted_at IS NULL;

-- Who changed the suppression list, when, what and why. Append-only: the trigger refuses edits.
CREATE TABLE suppression_audit (
    id             BIGSERIAL    PRIMARY KEY,
    suppression_id BIGINT       NOT NULL REFERENCES suppression (id),
    address        TEXT         NOT NULL,
    scope          TEXT         NOT NULL,
    action         TEXT         NOT NULL,            -- added, lifted
    actor          TEXT         NOT NULL,
    why            TEXT         NOT NULL,
    at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX suppression_audit_address ON suppression_audit (address, id);

CREATE FUNCTION suppression_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'suppression_audit is append-only';
END $$;
CREATE TRIGGER suppression_audit_append_only BEFORE UPDATE OR DELETE ON suppression_audit
    FOR EACH ROW EXECUTE FUNCTION suppression_audit_append_only();

-- Mailgun webhook tokens seen within the replay window: a token used twice is a replay.
CREATE TABLE webhook_token (
    provider TEXT         NOT NULL,
    token    TEXT         NOT NULL,
    seen_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (provider, token)
);
CREATE INDEX webhook_token_seen ON webhook_token (seen_at);

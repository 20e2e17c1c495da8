-- Transactional outbox: written in the transaction of the state change, published by OutboxRelay.
CREATE TABLE outbox_event (
    seq          BIGSERIAL    NOT NULL UNIQUE,     -- commit order for publishing
    id           UUID         PRIMARY KEY,         -- the CloudEvent id
    topic        TEXT         NOT NULL,
    event_key    TEXT         NOT NULL,
    event_type   TEXT         NOT NULL,
    payload      TEXT         NOT NULL,            -- the whole CloudEvents JSON document
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Events this service has applied, so a second delivery changes nothing.
CREATE TABLE processed_event (
    event_id     UUID         PRIMARY KEY,
    event_type   TEXT         NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

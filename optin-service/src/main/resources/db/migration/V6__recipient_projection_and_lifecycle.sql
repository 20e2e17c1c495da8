-- What bounce-service suppressed (suppression-events.v1): never mail these in the scope.
CREATE TABLE suppressed_address (
    address       TEXT        NOT NULL,
    scope         TEXT        NOT NULL,            -- global or stream:<name>
    reason        TEXT        NOT NULL,
    suppressed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (address, scope)
);

-- The latest status sunset-service gave each recipient per stream (recipient-status-events.v1).
CREATE TABLE recipient_status (
    address    TEXT        NOT NULL,
    stream     TEXT        NOT NULL,
    status     TEXT        NOT NULL,                -- ACTIVE, REDUCED, RECONFIRM, SUNSET, SUSPENDED
    changed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (address, stream)
);
CREATE INDEX recipient_status_suspended ON recipient_status (address) WHERE status = 'SUSPENDED';

ALTER TABLE subscription
    ADD COLUMN pending_mail           TEXT,         -- the mail due at next_send_at: CONFIRMATION, REMINDER, RECONFIRMATION
    ADD COLUMN reminder_sent_at       TIMESTAMPTZ,
    ADD COLUMN reconfirm_requested_at TIMESTAMPTZ,  -- sunset-service asked; cleared when the owner confirms again
    ADD COLUMN expired_at             TIMESTAMPTZ;
UPDATE subscription SET pending_mail = 'CONFIRMATION' WHERE status = 'PENDING' AND confirmation_sent_at IS NULL;
DROP INDEX subscription_mail_due;
CREATE INDEX subscription_mail_due ON subscription (next_send_at) WHERE pending_mail IS NOT NULL;
CREATE INDEX subscription_pending_since ON subscription (requested_at) WHERE status = 'PENDING';
CREATE INDEX subscription_address ON subscription (address);

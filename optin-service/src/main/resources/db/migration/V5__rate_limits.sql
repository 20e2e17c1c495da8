-- Sliding-window rate limits shared by every replica: one row per counted request and bucket.
-- bucket = base64url SHA-256 of "action|dimension|value" (no address or IP in clear text).
CREATE TABLE rate_limit_hit (
    bucket  TEXT         NOT NULL,
    hit_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX rate_limit_hit_bucket_time ON rate_limit_hit (bucket, hit_at);
CREATE INDEX rate_limit_hit_time ON rate_limit_hit (hit_at);

-- Confirmation mails re-sent on request in the current round of double opt-in (capped).
ALTER TABLE subscription ADD COLUMN resend_count INT NOT NULL DEFAULT 0;

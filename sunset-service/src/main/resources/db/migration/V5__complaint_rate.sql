-- Sends and complaints per sending domain, stream and hour: the sliding 24 h and 7 d windows are sums
-- of the buckets in them (hour granularity). Written by the engagement intake in the transaction of
-- the events, after duplicates were dropped, so a complaint reported twice counts once.
CREATE TABLE complaint_rate_bucket (
    sending_domain TEXT        NOT NULL,
    stream         TEXT        NOT NULL,
    hour           TIMESTAMPTZ NOT NULL,
    sends          BIGINT      NOT NULL DEFAULT 0,
    complaints     BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (sending_domain, stream, hour)
);
CREATE INDEX complaint_rate_bucket_hour ON complaint_rate_bucket (hour);

-- The monitor's last judgement per domain, stream and window; an event is written when the level changes.
CREATE TABLE complaint_rate_state (
    sending_domain TEXT             NOT NULL,
    stream         TEXT             NOT NULL,
    time_window    TEXT             NOT NULL,      -- 24h or 7d
    level          TEXT             NOT NULL,      -- INSUFFICIENT_VOLUME, OK, WARNING, CRITICAL
    rate           DOUBLE PRECISION NOT NULL,
    sends          BIGINT           NOT NULL,
    complaints     BIGINT           NOT NULL,
    evaluated_at   TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (sending_domain, stream, time_window)
);

-- Marketing paused for a sending domain and stream at the critical rate; may-send says no until an
-- operator resumes it (POST /api/v1/complaint-rates/resume).
CREATE TABLE marketing_pause (
    sending_domain TEXT        NOT NULL,
    stream         TEXT        NOT NULL,
    reason         TEXT        NOT NULL,
    paused_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (sending_domain, stream)
);

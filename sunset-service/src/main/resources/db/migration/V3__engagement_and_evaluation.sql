-- One row per recipient and stream: the latest time of each kind of event and the counters the
-- policy needs, kept by set-based upserts so history never has to be re-read.
CREATE TABLE engagement (
    recipient          TEXT        NOT NULL,            -- normalised address
    stream             TEXT        NOT NULL,            -- marketing, transactional, newsletter, ...
    first_seen_at      TIMESTAMPTZ NOT NULL,            -- inactivity clock start for someone who never engaged
    last_sent_at       TIMESTAMPTZ,
    last_delivered_at  TIMESTAMPTZ,
    last_opened_at     TIMESTAMPTZ,
    last_clicked_at    TIMESTAMPTZ,
    last_replied_at    TIMESTAMPTZ,
    last_logged_in_at  TIMESTAMPTZ,
    last_converted_at  TIMESTAMPTZ,
    last_strong_at     TIMESTAMPTZ,                     -- greatest of clicked, replied, logged in, converted
    last_hard_bounce_at TIMESTAMPTZ,
    sends_total        INTEGER     NOT NULL DEFAULT 0,
    sends_since_strong INTEGER     NOT NULL DEFAULT 0,
    opens_total        INTEGER     NOT NULL DEFAULT 0,
    opens_since_strong INTEGER     NOT NULL DEFAULT 0,
    hard_bounces       INTEGER     NOT NULL DEFAULT 0,  -- since an operator last forgave them
    complaints         INTEGER     NOT NULL DEFAULT 0,
    status             TEXT        NOT NULL DEFAULT 'ACTIVE',
    status_reason      TEXT,
    status_changed_at  TIMESTAMPTZ,
    pinned_until       TIMESTAMPTZ,                     -- a manual override holds until then; evaluation skips it
    PRIMARY KEY (recipient, stream)
);

-- One evaluation pass over the engagement table, committed batch by batch: a crash resumes after
-- cursor with the same as_of, so each recipient is decided once per run.
CREATE TABLE evaluation_run (
    id               UUID        PRIMARY KEY,
    as_of            TIMESTAMPTZ NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    cursor_recipient TEXT,
    cursor_stream    TEXT,
    batches          INTEGER     NOT NULL DEFAULT 0,
    evaluated        BIGINT      NOT NULL DEFAULT 0,
    changed          BIGINT      NOT NULL DEFAULT 0,
    finished_at      TIMESTAMPTZ
);
-- At most one unfinished run: two replicas starting at once cannot both begin one.
CREATE UNIQUE INDEX evaluation_run_one_open ON evaluation_run ((finished_at IS NULL)) WHERE finished_at IS NULL;

-- Audit trail of manual overrides.
CREATE TABLE status_override (
    id           UUID        PRIMARY KEY,
    recipient    TEXT        NOT NULL,
    stream       TEXT        NOT NULL,
    from_status  TEXT        NOT NULL,
    to_status    TEXT        NOT NULL,
    reason       TEXT        NOT NULL,
    actor        TEXT        NOT NULL,
    pinned_until TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX status_override_recipient ON status_override (recipient, created_at);

-- The last sender-drifted event per (domain, stream, kind, value), so SenderJob announces a sender
-- once when it starts and again only after it was quiet for smtpd4c.senders.quiet-period.
CREATE TABLE sender_alert (
    domain      TEXT         NOT NULL REFERENCES sender_domain (domain) ON DELETE CASCADE,
    stream      TEXT         NOT NULL,             -- '' when not known
    kind        TEXT         NOT NULL,             -- FROM_DOMAIN | IP
    value       TEXT         NOT NULL,             -- the From domain or IP that is not registered
    alerted_at  TIMESTAMPTZ  NOT NULL,
    last_seen   TIMESTAMPTZ  NOT NULL,             -- newest observation of it the job has looked at
    PRIMARY KEY (domain, stream, kind, value)
);

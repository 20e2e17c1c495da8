-- Who was seen sending for a registered domain: one row per (domain, stream, From domain, IP), with counts.
-- Fed by /api/v1/verify?stream=, /api/v1/observations and DMARC aggregate reports; read by SenderJob.
CREATE TABLE sender_observation (
    domain       TEXT         NOT NULL REFERENCES sender_domain (domain) ON DELETE CASCADE,
    stream       TEXT         NOT NULL,            -- '' when the source does not know it (DMARC reports)
    from_domain  TEXT         NOT NULL,            -- RFC5322.From domain, lower case
    ip           TEXT         NOT NULL,            -- connecting IP, canonical text form
    first_seen   TIMESTAMPTZ  NOT NULL,
    last_seen    TIMESTAMPTZ  NOT NULL,
    messages     BIGINT       NOT NULL,
    last_source  TEXT         NOT NULL,            -- verify | mta | dmarc-report
    PRIMARY KEY (domain, stream, from_domain, ip)
);
CREATE INDEX sender_observation_recent ON sender_observation (domain, last_seen DESC);

-- DMARC aggregate reports applied, so a report sent twice is counted once.
CREATE TABLE dmarc_report (
    org_name      TEXT         NOT NULL,
    report_id     TEXT         NOT NULL,
    policy_domain TEXT         NOT NULL,
    date_begin    TIMESTAMPTZ  NOT NULL,
    date_end      TIMESTAMPTZ  NOT NULL,
    records       INTEGER      NOT NULL,
    received_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (org_name, report_id)
);

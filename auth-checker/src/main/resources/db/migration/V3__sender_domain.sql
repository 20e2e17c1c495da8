-- Sender domains registered for checking and drift watching.
CREATE TABLE sender_domain (
    domain         TEXT         PRIMARY KEY,         -- lower case, no trailing dot
    dkim_selectors TEXT[]       NOT NULL,
    sending_ips    TEXT[]       NOT NULL,            -- canonical text form
    from_domains   TEXT[]       NOT NULL,
    streams        TEXT[]       NOT NULL,
    registered_at  TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

-- One row per check of a domain (on request or by the drift job); the newest is compared with the next.
CREATE TABLE domain_snapshot (
    id          BIGSERIAL    PRIMARY KEY,
    domain      TEXT         NOT NULL REFERENCES sender_domain (domain) ON DELETE CASCADE,
    checked_at  TIMESTAMPTZ  NOT NULL,
    grade       CHAR(1)      NOT NULL,
    report      TEXT         NOT NULL              -- the DomainReport as JSON
);
CREATE INDEX domain_snapshot_latest ON domain_snapshot (domain, id DESC);

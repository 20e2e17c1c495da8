-- Per-destination-domain token buckets, shared by every replica: tokens left at updated_at.
CREATE TABLE domain_throttle (
    domain     TEXT             PRIMARY KEY,
    tokens     DOUBLE PRECISION NOT NULL,
    updated_at TIMESTAMPTZ      NOT NULL
);

CREATE TABLE subscription (
    id                   UUID         PRIMARY KEY,
    address              TEXT         NOT NULL,
    list_name            TEXT         NOT NULL,
    status               TEXT         NOT NULL,
    source               TEXT         NOT NULL,
    locale               TEXT         NOT NULL,
    requested_at         TIMESTAMPTZ  NOT NULL,
    confirmation_sent_at TIMESTAMPTZ,
    UNIQUE (address, list_name)
);

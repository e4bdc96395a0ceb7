-- Registration: the organisation tree, the subscribers and the tombstones of erased ones.

CREATE TABLE units (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    parent_code text,
    path        text NOT NULL,          -- "/KHOI/SNV/SNV-VP/": a sub-tree is a prefix range
    invite_code text NOT NULL UNIQUE,
    search_key  text NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX units_path ON units (path text_pattern_ops);
CREATE INDEX units_parent ON units (parent_code);

CREATE TABLE subscribers (
    id              bigint PRIMARY KEY,
    chat_id         bigint NOT NULL,
    language        text NOT NULL,
    status          text NOT NULL,
    paused          boolean NOT NULL,
    full_name       text,
    unit_code       text,
    role            text,
    consent_at      timestamptz NOT NULL,
    consent_version text NOT NULL,
    registered_at   timestamptz,
    updated_at      timestamptz NOT NULL,
    conversation    text,
    draft           jsonb,
    roster_entry_id integer,
    preferred_hour  integer
);
-- Members per unit and status are counted from this index alone (an index-only scan), so there is no counter row
-- that every registration of a unit would fight over, and nothing to rebuild after a bulk load.
CREATE INDEX subscribers_registered_unit ON subscribers (unit_code, status) INCLUDE (registered_at, paused) WHERE registered_at IS NOT NULL;
CREATE INDEX subscribers_status_updated ON subscribers (status, updated_at);
CREATE INDEX subscribers_roster_entry ON subscribers (roster_entry_id) WHERE roster_entry_id IS NOT NULL;

CREATE TABLE erased_subscribers (
    id            bigint PRIMARY KEY,   -- the pseudonym that replaced the person id elsewhere
    unit_code     text,
    role          text,
    registered_at timestamptz,
    erased_at     timestamptz NOT NULL
);
CREATE INDEX erased_subscribers_unit ON erased_subscribers (unit_code);

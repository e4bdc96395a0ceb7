-- Channels: the callback keys of buttons, the durable inbox and the person directory.

CREATE TABLE callback_keys (
    id         text PRIMARY KEY,
    owner_id   bigint,
    action     text NOT NULL,
    payload    text NOT NULL,
    identity   text NOT NULL UNIQUE,  -- issuing the same button twice yields the same key
    created_at timestamptz NOT NULL,
    expires_at timestamptz
);
CREATE INDEX callback_keys_owner ON callback_keys (owner_id);
CREATE INDEX callback_keys_expires ON callback_keys (expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX callback_keys_created ON callback_keys (created_at);
CREATE INDEX callback_keys_payload ON callback_keys (action, payload);

-- The inbox: one row per poll (or webhook request) and one per update. An update id is stored once however many
-- instances receive it (webhook retries reach any instance): the unique key decides, not an in-memory map.
CREATE TABLE inbox_batches (
    id          bigint PRIMARY KEY,
    received_at timestamptz NOT NULL
);
CREATE TABLE inbox_updates (
    update_id   integer PRIMARY KEY,
    batch_id    bigint NOT NULL REFERENCES inbox_batches (id) ON DELETE CASCADE,
    json        text NOT NULL,
    chat_key    bigint NOT NULL,
    received_at timestamptz NOT NULL
);
CREATE INDEX inbox_updates_batch ON inbox_updates (batch_id);
CREATE TABLE inbox_cursors (
    channel  text PRIMARY KEY,
    "offset" integer NOT NULL,
    seen     jsonb NOT NULL
);

-- The person directory: an address belongs to one person (primary key), a person has one address per channel and at
-- most one preferred address.
CREATE TABLE person_addresses (
    address   text PRIMARY KEY,
    person_id bigint NOT NULL,
    channel   text NOT NULL,
    preferred boolean NOT NULL,
    UNIQUE (person_id, channel)
);
CREATE UNIQUE INDEX person_addresses_preferred ON person_addresses (person_id) WHERE preferred;
-- Ids of persons who first came on another channel: 2^53 … 2^62 − 1 (Channels/PersonIds.cs). A sequence never hands
-- a value out twice, also across a rollback (a rolled-back registration leaves a gap, never a reuse).
CREATE SEQUENCE person_ids AS bigint START WITH 9007199254740992 MINVALUE 9007199254740992 MAXVALUE 4611686018427387903 NO CYCLE;

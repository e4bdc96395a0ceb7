-- The delivery ledger: one row per message to one person for one occurrence, and the chunks of large expansions.

CREATE TABLE deliveries (
    id            text PRIMARY KEY,         -- {occurrence}:{person}: enqueuing the same row twice stores it once
    occurrence_id text NOT NULL,
    campaign_id   text,
    subscriber_id bigint NOT NULL,
    chat_id       bigint NOT NULL,
    kind          text NOT NULL,
    item_id       text,
    content_hash  text,
    html          text,
    payload       text,
    language      text NOT NULL,
    require_ack   boolean NOT NULL,
    unit_code     text,
    role          text,
    state         text NOT NULL,
    attempts      integer NOT NULL,
    last_error    text,
    message_id    integer,
    due_at        timestamptz NOT NULL,
    priority      integer NOT NULL,
    created_at    timestamptz NOT NULL,
    sent_at       timestamptz,
    channel       text,
    updated_at    timestamptz NOT NULL,
    parts_sent    integer NOT NULL
);
-- The due queue: rows waiting to go, in the order they go (a claim reads this index's head).
CREATE INDEX deliveries_due ON deliveries (due_at, priority DESC) WHERE state IN ('Pending', 'Sending');
CREATE INDEX deliveries_state ON deliveries (state);
CREATE INDEX deliveries_campaign ON deliveries (campaign_id, state) WHERE campaign_id IS NOT NULL;
CREATE INDEX deliveries_subscriber ON deliveries (subscriber_id);
CREATE INDEX deliveries_sent ON deliveries (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE delivery_chunks (
    id          text PRIMARY KEY,
    campaign_id text,
    created_at  timestamptz NOT NULL,
    skip_reason text,
    template    jsonb NOT NULL,   -- what the chunk's rows share
    members     jsonb NOT NULL    -- what differs per person
);
CREATE INDEX delivery_chunks_campaign ON delivery_chunks (campaign_id);

-- The inbox of channels without update ids (Zalo): one row per (channel, key), the key derived from the update
-- (event_name + message_id). The primary key makes a redelivery — to this instance or another — a duplicate. A handled
-- row keeps only its key (the text is emptied) until it is forgotten after the channel's dedup window.
CREATE TABLE inbox_keyed (
    channel     text NOT NULL,
    key         text NOT NULL,
    json        text NOT NULL,
    chat_id     text NOT NULL,
    received_at timestamptz NOT NULL,
    handled     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (channel, key)
);
CREATE INDEX inbox_keyed_pending ON inbox_keyed (channel, received_at) WHERE NOT handled;
CREATE INDEX inbox_keyed_received ON inbox_keyed (channel, received_at);

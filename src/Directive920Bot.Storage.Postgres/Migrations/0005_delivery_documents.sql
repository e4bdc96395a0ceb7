-- Aggregates that are read and written whole: a few columns that queries filter on, the object itself as jsonb.

CREATE TABLE campaigns (
    id                 text PRIMARY KEY,
    status             text NOT NULL,
    next_occurrence_at timestamptz,
    created_at         timestamptz NOT NULL,
    doc                jsonb NOT NULL
);
CREATE INDEX campaigns_due ON campaigns (next_occurrence_at) WHERE status = 'Scheduled';
CREATE INDEX campaigns_created ON campaigns (created_at);

CREATE TABLE track_positions (
    subscriber_id bigint PRIMARY KEY,
    completed     boolean NOT NULL,
    doc           jsonb NOT NULL
);

CREATE TABLE broadcast_drafts (
    admin_id bigint PRIMARY KEY,
    doc      jsonb NOT NULL
);

-- A unit nudged about an item on a day: the key decides "once", whichever instance sends the nudge.
CREATE TABLE report_nudges (
    id    text PRIMARY KEY,
    actor bigint NOT NULL,
    at    timestamptz NOT NULL
);

-- The stores that completed the provider: report counters, reminders and escalations, unanswered questions, the
-- units' implementation reports and the cadres' commitments. Records are stored whole as jsonb with the keys their
-- queries use as columns, as in 0006; the primary keys make every "add unless present" an INSERT … ON CONFLICT.

-- Random keys kept in the database itself (as LiteDB keeps them in its file): the key of the report event hashes is
-- made here, once, from the server's strong random source (gen_random_uuid: 2 × 122 random bits).
CREATE TABLE store_secrets (
    name text PRIMARY KEY,
    key  bytea NOT NULL
);
INSERT INTO store_secrets (name, key)
VALUES ('report-events', decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- Report counters: one row per unit and item, unit and question, unit. Written in the transaction of the event they
-- count (the acknowledgement, the answer), so a report reads exact totals without scanning the events.
CREATE TABLE report_items (
    id        text PRIMARY KEY,     -- {unit}|{item}
    unit_code text NOT NULL,
    item_id   text NOT NULL,
    doc       jsonb NOT NULL
);
CREATE INDEX report_items_item ON report_items (item_id);

CREATE TABLE report_questions (
    id        text PRIMARY KEY,     -- {unit}|{question}
    unit_code text NOT NULL,
    doc       jsonb NOT NULL
);

CREATE TABLE report_units (
    id  text PRIMARY KEY,           -- the unit code
    doc jsonb NOT NULL
);

-- Events already counted, as keyed hashes (store_secrets 'report-events'): an erased person's id is not readable here.
CREATE TABLE report_events (
    id text PRIMARY KEY
);

-- Reminders: one watch per delivery that asks for an acknowledgement, and the escalations they produce.
CREATE TABLE ack_watches (
    id                  text PRIMARY KEY,   -- the delivery id
    subscriber_id       bigint NOT NULL,
    next_at             timestamptz NOT NULL,
    done                boolean NOT NULL,
    pending_reminder_id text,
    doc                 jsonb NOT NULL
);
CREATE INDEX ack_watches_due ON ack_watches (next_at) WHERE NOT done;
CREATE INDEX ack_watches_subscriber ON ack_watches (subscriber_id);
CREATE INDEX ack_watches_pending ON ack_watches (pending_reminder_id) WHERE pending_reminder_id IS NOT NULL;

CREATE TABLE escalations (
    id            text PRIMARY KEY,         -- the delivery id
    unit_code     text,
    subscriber_id bigint NOT NULL,
    resolved_at   timestamptz,
    doc           jsonb NOT NULL
);
CREATE INDEX escalations_open ON escalations (unit_code) WHERE resolved_at IS NULL;
CREATE INDEX escalations_subscriber ON escalations (subscriber_id);

-- Questions the course could not answer.
CREATE TABLE unanswered_questions (
    id        text PRIMARY KEY,
    unit_code text,
    asked_on  timestamptz NOT NULL,
    doc       jsonb NOT NULL
);
CREATE INDEX unanswered_questions_unit ON unanswered_questions (unit_code);

-- Implementation reports: one row per period, unit and requirement. The matrix's statuses are a column read by an
-- index on the period, so no second copy of them is kept (LiteDB keeps one per unit to avoid reading the texts).
CREATE TABLE impl_reports (
    id             text PRIMARY KEY,        -- {period}|{unit}|{requirement}
    period_id      text NOT NULL,
    unit_code      text NOT NULL,
    requirement_id text NOT NULL,
    status         integer NOT NULL,
    doc            jsonb NOT NULL
);
CREATE INDEX impl_reports_period ON impl_reports (period_id, unit_code) INCLUDE (requirement_id, status);

CREATE TABLE impl_locks (
    id  text PRIMARY KEY,           -- the period id
    doc jsonb NOT NULL
);

CREATE TABLE impl_drafts (
    user_id bigint PRIMARY KEY,
    doc     jsonb NOT NULL
);

CREATE TABLE impl_commitments (
    id        text PRIMARY KEY,     -- {year}|{person}
    year      integer NOT NULL,
    person_id bigint NOT NULL,
    doc       jsonb NOT NULL
);
CREATE INDEX impl_commitments_year ON impl_commitments (year);
CREATE INDEX impl_commitments_person ON impl_commitments (person_id);

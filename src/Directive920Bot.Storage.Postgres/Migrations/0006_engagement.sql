-- Engagement: acknowledgements and quiz answers. Each record is stored whole as jsonb, with the keys that queries
-- find it by as columns; the id is the primary key, so a redelivered press or answer is stored once.

CREATE TABLE acknowledgements (
    id            text PRIMARY KEY,     -- {person}:{subject}:{content hash}
    subscriber_id bigint NOT NULL,
    subject       text NOT NULL,
    item_id       text,
    acknowledged_at timestamptz NOT NULL,
    doc           jsonb NOT NULL
);
CREATE INDEX acknowledgements_at ON acknowledgements (acknowledged_at);
CREATE INDEX acknowledgements_subscriber ON acknowledgements (subscriber_id);
CREATE INDEX acknowledgements_subject ON acknowledgements (subject);

CREATE TABLE quiz_answers (
    id            text PRIMARY KEY,     -- {delivery}|{question}: the first answer counts
    subscriber_id bigint NOT NULL,
    delivery_id   text NOT NULL,
    question_key  text NOT NULL,
    item_id       text NOT NULL,
    unit_code     text,
    answered_at   timestamptz NOT NULL,
    doc           jsonb NOT NULL
);
CREATE INDEX quiz_answers_at ON quiz_answers (answered_at);
CREATE INDEX quiz_answers_subscriber ON quiz_answers (subscriber_id);
CREATE INDEX quiz_answers_delivery ON quiz_answers (delivery_id);
CREATE INDEX quiz_answers_question ON quiz_answers (question_key);
CREATE INDEX quiz_answers_item ON quiz_answers (item_id);
CREATE INDEX quiz_answers_unit ON quiz_answers (unit_code);

CREATE TABLE quiz_sent (
    id            text PRIMARY KEY,
    subscriber_id bigint NOT NULL,
    delivery_id   text NOT NULL,
    poll_id       text,
    doc           jsonb NOT NULL
);
CREATE INDEX quiz_sent_poll ON quiz_sent (poll_id) WHERE poll_id IS NOT NULL;
CREATE INDEX quiz_sent_delivery ON quiz_sent (delivery_id);
CREATE INDEX quiz_sent_subscriber ON quiz_sent (subscriber_id);

CREATE TABLE quiz_selections (
    id            text PRIMARY KEY,
    subscriber_id bigint NOT NULL,
    doc           jsonb NOT NULL
);
CREATE INDEX quiz_selections_subscriber ON quiz_selections (subscriber_id);

-- Spaced review, feedback and their drafts, and engagement's bookkeeping values (the weekly review's last slot).
CREATE TABLE review_items (
    id            text PRIMARY KEY,     -- {person}:{item}:{question}
    subscriber_id bigint NOT NULL,
    unit_code     text,
    resolved      boolean NOT NULL,
    doc           jsonb NOT NULL
);
CREATE INDEX review_items_subscriber ON review_items (subscriber_id);
CREATE INDEX review_items_open ON review_items (unit_code, subscriber_id) WHERE NOT resolved;

CREATE TABLE feedback (
    id            text PRIMARY KEY,     -- the draft's random token: a repeated submit stores it once
    subscriber_id bigint,
    unit_code     text,
    anonymous     boolean NOT NULL,
    created_at    timestamptz NOT NULL,
    doc           jsonb NOT NULL
);
CREATE INDEX feedback_unit ON feedback (unit_code) WHERE NOT anonymous;
CREATE INDEX feedback_subscriber ON feedback (subscriber_id);
CREATE INDEX feedback_created ON feedback (created_at);

CREATE TABLE feedback_drafts (
    subscriber_id bigint PRIMARY KEY,
    doc           jsonb NOT NULL
);

CREATE TABLE engagement_meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

-- The web console's one-time sign-in links (only the SHA-256 of a token is stored) and each person's session stamp.
CREATE TABLE console_signins (
    token_hash text PRIMARY KEY,
    person_id  bigint NOT NULL,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX console_signins_person ON console_signins (person_id);
CREATE INDEX console_signins_expires ON console_signins (expires_at);
CREATE TABLE console_sessions (
    person_id  bigint PRIMARY KEY,
    stamp      text NOT NULL,
    changed_at timestamptz NOT NULL
);

-- What a channel without buttons (Zalo) offered a person last as numbered typed replies: one document per channel and person.
CREATE TABLE offered_choices (
    channel   text NOT NULL,
    person_id bigint NOT NULL,
    doc       jsonb NOT NULL,
    PRIMARY KEY (channel, person_id)
);
CREATE INDEX offered_choices_person ON offered_choices (person_id);

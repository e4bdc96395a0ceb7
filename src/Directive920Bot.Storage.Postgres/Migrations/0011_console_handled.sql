-- Feedback items and unanswered questions marked handled in the web console (who marked them is in the audit log).
CREATE TABLE console_handled (
    id text PRIMARY KEY,
    at timestamptz NOT NULL
);

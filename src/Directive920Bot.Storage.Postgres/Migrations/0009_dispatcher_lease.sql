-- Several instances on one database (issue 19): the dispatcher lease and claiming due rows from the table.

-- One row per bot: who drains its ledger, until when (the server's clock, so the instances' clocks do not matter).
CREATE TABLE dispatcher_leases (
    name        text PRIMARY KEY,         -- 'dispatcher:' and a digest of the bot token (never the token)
    holder      text NOT NULL,            -- the instance: host name, process id and a random part
    acquired_at timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);

-- The claim's order: pending rows by priority, then due time; it reads this index's head and skips locked rows.
CREATE INDEX deliveries_claim ON deliveries (priority DESC, due_at, id) WHERE state = 'Pending';

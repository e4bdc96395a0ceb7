-- The Telegram inbox on several instances (issue 19): batch ids from a sequence, so two instances taking webhook
-- requests at once never pick the same one; each batch names the instance handling it and until when its lease runs
-- (the server's clock, as the dispatcher lease). A batch whose lease ran out — its instance crashed or stopped — is
-- taken over by another (FOR UPDATE SKIP LOCKED). Batches stored before this have no owner and are taken at once.
CREATE SEQUENCE inbox_batch_ids;
SELECT setval('inbox_batch_ids', COALESCE((SELECT max(id) FROM inbox_batches), 0) + 1, false);
ALTER TABLE inbox_batches ALTER COLUMN id SET DEFAULT nextval('inbox_batch_ids');
ALTER SEQUENCE inbox_batch_ids OWNED BY inbox_batches.id;
ALTER TABLE inbox_batches
    ADD COLUMN owner       text        NOT NULL DEFAULT '',
    ADD COLUMN lease_until timestamptz NOT NULL DEFAULT '-infinity';
CREATE INDEX inbox_batches_lease ON inbox_batches (lease_until);
CREATE INDEX inbox_batches_owner ON inbox_batches (owner);

-- A person is reached through their channel addresses (person_addresses) alone: the Telegram-era chat id copies on
-- subscribers and ledger rows go. The dispatcher resolves the preferred address when it sends, and deliveries.channel
-- still records the channel of every send. Dropping a column only marks it dropped (no table rewrite), so this is
-- quick on a large ledger.
ALTER TABLE subscribers DROP COLUMN chat_id;
ALTER TABLE deliveries DROP COLUMN chat_id;

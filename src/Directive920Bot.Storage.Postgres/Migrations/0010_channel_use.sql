-- The channels a registered person uses (1 Telegram, 2 Zalo, 3 both; 0 on rows older than this column: derived from
-- the id when counted), so the members per unit can be counted by channel: people, never addresses.
ALTER TABLE subscribers ADD COLUMN channels integer NOT NULL DEFAULT 0;

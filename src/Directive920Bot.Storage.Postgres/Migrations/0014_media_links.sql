-- Short-lived media links: images (a unit's chart, an invite QR code) served at <Admin:PublicBaseUrl>/media/<token> for
-- Zalo's sendPhoto, which takes a URL. Only the SHA-256 of a token is stored; the retention run deletes expired links.
CREATE TABLE media_links (
    token_hash   text PRIMARY KEY,
    content_type text NOT NULL,
    content      bytea NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX media_links_expires ON media_links (expires_at);

using Directive920Bot.Media;

namespace Directive920Bot.Storage.Postgres.Media;

/// <summary>The short-lived media links in <c>media_links</c> (keyed by the token's hash, indexed by expiry).</summary>
internal sealed class PgMediaLinks(PostgresStorage db) : IMediaLinks
{
    public void Add(ITransaction tx, MediaLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        db.Execute(tx, """
            INSERT INTO media_links (token_hash, content_type, content, created_at, expires_at)
            VALUES (@Id, @ContentType, @Content, @CreatedAt, @ExpiresAt)
            """, new { link.Id, link.ContentType, link.Content, CreatedAt = Utc.Of(link.CreatedAt), ExpiresAt = Utc.Of(link.ExpiresAt) });
    }

    public MediaLink? Find(string tokenHash) => db.One<MediaLink>("""
        SELECT token_hash AS Id, content_type AS ContentType, content AS Content, created_at AS CreatedAt, expires_at AS ExpiresAt
        FROM media_links WHERE token_hash = @tokenHash
        """, new { tokenHash });

    public int CountExpired(DateTime now) =>
        db.One<int>("SELECT count(*)::int FROM media_links WHERE expires_at <= @now", new { now = Utc.Of(now) });

    public int DeleteExpired(ITransaction tx, DateTime now) =>
        db.Execute(tx, "DELETE FROM media_links WHERE expires_at <= @now", new { now = Utc.Of(now) });
}

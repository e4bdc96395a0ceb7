using Directive920Bot.WebConsole;

namespace Directive920Bot.Storage.Postgres.WebConsole;

/// <summary>The console's sign-in links in <c>console_signins</c> (keyed by the token's hash) and stamps in <c>console_sessions</c>.</summary>
internal sealed class PgConsoleSignIns(PostgresStorage db) : IConsoleSignIns
{
    private const string Columns = "token_hash AS Id, person_id AS PersonId, issued_at AS IssuedAt, expires_at AS ExpiresAt, used_at AS UsedAt";

    public void Add(ITransaction tx, ConsoleSignIn signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        db.Execute(tx, "INSERT INTO console_signins (token_hash, person_id, issued_at, expires_at, used_at) VALUES (@Id, @PersonId, @IssuedAt, @ExpiresAt, @UsedAt)", Row(signIn));
    }

    public ConsoleSignIn? Find(string tokenHash) => db.One<ConsoleSignIn>($"SELECT {Columns} FROM console_signins WHERE token_hash = @tokenHash", new { tokenHash });

    public void Save(ITransaction tx, ConsoleSignIn signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        db.Execute(tx, """
            INSERT INTO console_signins (token_hash, person_id, issued_at, expires_at, used_at) VALUES (@Id, @PersonId, @IssuedAt, @ExpiresAt, @UsedAt)
            ON CONFLICT (token_hash) DO UPDATE SET person_id = excluded.person_id, issued_at = excluded.issued_at, expires_at = excluded.expires_at, used_at = excluded.used_at
            """, Row(signIn));
    }

    public string? StampOf(long personId) => db.One<string>("SELECT stamp FROM console_sessions WHERE person_id = @personId", new { personId });

    public void SetStamp(ITransaction tx, long personId, string stamp, DateTime at) => db.Execute(tx, """
        INSERT INTO console_sessions (person_id, stamp, changed_at) VALUES (@personId, @stamp, @at)
        ON CONFLICT (person_id) DO UPDATE SET stamp = excluded.stamp, changed_at = excluded.changed_at
        """, new { personId, stamp, at = Utc.Of(at) });

    public int DeleteExpired(ITransaction tx, DateTime cutoff) =>
        db.Execute(tx, "DELETE FROM console_signins WHERE expires_at < @cutoff", new { cutoff = Utc.Of(cutoff) });

    public int Forget(ITransaction tx, long personId) =>
        db.Execute(tx, "DELETE FROM console_signins WHERE person_id = @personId", new { personId })
        + db.Execute(tx, "DELETE FROM console_sessions WHERE person_id = @personId", new { personId });

    private static object Row(ConsoleSignIn s) => new
    {
        s.Id,
        s.PersonId,
        IssuedAt = Utc.Of(s.IssuedAt),
        ExpiresAt = Utc.Of(s.ExpiresAt),
        UsedAt = s.UsedAt is { } used ? Utc.Of(used) : (DateTime?)null,
    };
}

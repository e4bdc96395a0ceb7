namespace Directive920Bot.Storage.Postgres;

/// <summary>
/// Store files that are not open are the embedded store's notion: a PostgreSQL database is restored with
/// <c>pg_restore</c> (or the server's recovery), so the restore verb says so instead of replacing a file.
/// </summary>
internal sealed class PgStoreFiles : IStoreFiles
{
    public const string Reason =
        "Storage:Provider is Postgres: restore the database with PostgreSQL's tools (pg_restore, or recovery from a base backup); " +
        "the restore verb puts embedded store files in place. To bring a LiteDB file into PostgreSQL, use migrate-store.";

    public StoreSnapshot Inspect(string path) => throw new InvalidDataException(Reason);

    public string? Replace(string databasePath, string source, string stamp) => throw new NotSupportedException(Reason);
}

namespace Directive920Bot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The embedded store (the default): one LiteDB file, no server.</summary>
    public const string LiteDb = "LiteDb";

    /// <summary>A PostgreSQL server (Storage:ConnectionString): for a store that outgrows one machine or several instances.</summary>
    public const string Postgres = "Postgres";

    /// <summary><see cref="LiteDb"/> (default) or <see cref="Postgres"/>.</summary>
    public string Provider { get; set; } = LiteDb;

    /// <summary>The LiteDB file. Its directory is created and the file is made readable by the owner only.</summary>
    public string DatabasePath { get; set; } = "data/directive920.db";

    /// <summary>
    /// LiteDB only: a write is refused, with a message saying so, while the disk holding the file has less free space
    /// than this (MB); 0 turns the check off. LiteDB cannot survive a write the disk refuses half-way (the process ends),
    /// so the margin should exceed the largest single transaction (a big roster import, an occurrence's expansion).
    /// </summary>
    public int MinimumFreeMegabytes { get; set; } = 64;

    /// <summary>PostgreSQL only: an Npgsql connection string. Never logged; messages show it with the password masked.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL only: transactions of this process that run at once (each holds a pooled connection). More lets more
    /// work proceed together; past the cores of the server it only adds serialization retries on hot rows.
    /// </summary>
    public int MaxConcurrentWrites { get; set; } = 8;

    /// <summary>True when <see cref="Provider"/> names PostgreSQL (case-insensitive).</summary>
    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}

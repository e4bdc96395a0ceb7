using Directive920Bot.Storage;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Storage.Postgres;

/// <summary>
/// PostgreSQL as the target of <c>migrate-store</c>. Resolving it runs the schema migrations (as <see cref="PostgresStorage"/>
/// does at start); each feature's <c>Pg…Copy</c> says how its sections are written (through its own stores where they
/// keep the record as it is, by binary <c>COPY</c> for the tables that grow with people × items) and counted.
/// </summary>
internal sealed class PgStoreCopyTarget : IStoreCopyTarget
{
    /// <summary>Tables a fresh database holds rows in by itself: the schema's own version and keys, Quartz's tables.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal) { "schema_version", "store_secrets" };

    private readonly PostgresStorage db;
    private readonly Dictionary<string, PgCopySection> sections = new(StringComparer.Ordinal);

    public PgStoreCopyTarget(IServiceProvider services, IOptions<StorageOptions> options)
    {
        db = services.GetRequiredService<PostgresStorage>();
        Location = ConnectionStrings.Describe(options.Value.ConnectionString ?? "");
        foreach (var section in Registration.PgRegistrationCopy.Sections(services, db)
            .Concat(Channels.PgChannelsCopy.Sections(services, db))
            .Concat(Admin.PgAdminCopy.Sections(db))
            .Concat(Delivery.PgDeliveryCopy.Sections(services, db))
            .Concat(Engagement.PgEngagementCopy.Sections(services, db))
            .Concat(Reports.PgReportsCopy.Sections(services, db))
            .Concat(PgRestCopy.Sections(services, db)))
        {
            sections.Add(section.Name, section);
        }
    }

    public string Location { get; }

    public IReadOnlySet<string> Sections => sections.Keys.ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<(string Table, long Rows)> NonEmpty()
    {
        var tables = db.Query<string>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE 'qrtz%' ORDER BY tablename");
        var found = new List<(string, long)>();
        foreach (var table in tables.Where(t => !Bookkeeping.Contains(t)))
        {
            // Counted up to a bound: a large table need not be read whole to be refused.
            var rows = db.One<long>($"SELECT count(*) FROM (SELECT 1 FROM \"{table}\" LIMIT 1000) AS t");
            if (rows > 0)
            {
                found.Add((table, rows));
            }
        }

        return found;
    }

    public void Write(ITransaction tx, StoreSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (!sections.TryGetValue(section.Name, out var target))
        {
            throw new InvalidOperationException($"The PostgreSQL store has no section '{section.Name}'.");
        }

        target.Write(tx, section.Records);
    }

    public long Count(string section) => sections[section].Count();
}

/// <summary>How one section is written into, and counted on, PostgreSQL.</summary>
internal sealed record PgCopySection(string Name, Action<ITransaction, IEnumerable<object>> Write, Func<long> Count)
{
    /// <summary>A section kept in one table: counted with <c>count(*)</c>.</summary>
    public static PgCopySection Table<T>(PostgresStorage db, string table, Action<ITransaction, T> write) =>
        new(table, (tx, records) =>
        {
            foreach (var record in records.Cast<T>())
            {
                write(tx, record);
            }
        }, () => db.One<long>($"SELECT count(*) FROM {table}"));

    /// <summary>A section written in batches (a COPY or one statement per batch).</summary>
    public static PgCopySection Batched<T>(PostgresStorage db, string table, Action<ITransaction, IReadOnlyList<T>> write, int batch = 10_000) =>
        new(table, (tx, records) =>
        {
            foreach (var chunk in records.Cast<T>().Chunk(batch))
            {
                write(tx, chunk);
            }
        }, () => db.One<long>($"SELECT count(*) FROM {table}"));
}

using LiteDB;

namespace Directive920Bot.Storage;

/// <summary>Owns the single <see cref="LiteDatabase"/> of the process and runs migrations on open.</summary>
public sealed class Database : IDisposable
{
    private readonly LiteDatabase db;

    public Database(string path, BsonMapper mapper, IEnumerable<StoreSchema> schemas)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var existed = File.Exists(full);
        db = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct }, mapper);
        if (!existed && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Instants are read back as UTC (the pragma is kept in the file); local time is computed only for display and scheduling.
        db.UtcDate = true;
        Path = full;
        Mapper = mapper;
        Migrations.Run(db);
        foreach (var schema in schemas)
        {
            schema.Prepare(db, mapper);
        }
    }

    public string Path { get; }

    public BsonMapper Mapper { get; }

    public ILiteDatabase Lite => db;

    public ILiteCollection<T> Collection<T>(string name) => db.GetCollection<T>(name);

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is written or none.</summary>
    public T InTransaction<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        db.BeginTrans();
        try
        {
            var result = work();
            db.Commit();
            return result;
        }
        catch
        {
            db.Rollback();
            throw;
        }
    }

    public void InTransaction(Action work) => InTransaction(() =>
    {
        work();
        return 0;
    });

    public void Dispose() => db.Dispose();
}

/// <summary>A feature's collections: its indexes are created and the mapper warmed for its types at start.</summary>
public sealed record StoreSchema(string Name, Action<ILiteDatabase, BsonMapper> Prepare);

using Directive920Bot.WebConsole;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.WebConsole;

/// <summary>The console's sign-in links (keyed by the token's hash) and session stamps (keyed by person) in LiteDB.</summary>
internal sealed class LiteDbConsoleSignIns(Database db) : IConsoleSignIns
{
    public const string SignInsName = "console_signins";
    public const string StampsName = "console_sessions";

    public static readonly StoreSchema Schema = new(SignInsName, (database, mapper) =>
    {
        var signIns = database.GetCollection<ConsoleSignIn>(SignInsName);
        signIns.EnsureIndex(s => s.PersonId);
        signIns.EnsureIndex(s => s.ExpiresAt);
        mapper.ToDocument(new ConsoleSignIn());
        database.GetCollection<ConsoleSessionStamp>(StampsName);
        mapper.ToDocument(new ConsoleSessionStamp());
    });

    private ILiteCollection<ConsoleSignIn> SignIns => db.Collection<ConsoleSignIn>(SignInsName);

    private ILiteCollection<ConsoleSessionStamp> Stamps => db.Collection<ConsoleSessionStamp>(StampsName);

    public void Add(ITransaction tx, ConsoleSignIn signIn)
    {
        ArgumentNullException.ThrowIfNull(tx);
        SignIns.Insert(signIn);
    }

    public ConsoleSignIn? Find(string tokenHash) => SignIns.FindById(tokenHash);

    public void Save(ITransaction tx, ConsoleSignIn signIn)
    {
        ArgumentNullException.ThrowIfNull(tx);
        SignIns.Upsert(signIn);
    }

    public string? StampOf(long personId) => Stamps.FindById(personId)?.Stamp;

    public void SetStamp(ITransaction tx, long personId, string stamp, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Stamps.Upsert(new ConsoleSessionStamp { Id = personId, Stamp = stamp, ChangedAt = at });
    }

    public int DeleteExpired(ITransaction tx, DateTime cutoff)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return SignIns.DeleteMany(BsonExpression.Create("ExpiresAt < @0", new BsonValue(cutoff)));
    }

    public int Forget(ITransaction tx, long personId)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return SignIns.DeleteMany(Filter.Eq("PersonId", personId)) + (Stamps.Delete(personId) ? 1 : 0);
    }
}

using Directive920Bot.Media;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Media;

/// <summary>The short-lived media links in LiteDB (<c>media_links</c>, keyed by the token's hash, indexed by expiry).</summary>
internal sealed class LiteDbMediaLinks(Database db) : IMediaLinks
{
    public const string Name = "media_links";

    public static readonly StoreSchema Schema = new(Name, (database, mapper) =>
    {
        database.GetCollection<MediaLink>(Name).EnsureIndex(l => l.ExpiresAt);
        mapper.ToDocument(new MediaLink());
    });

    private ILiteCollection<MediaLink> Links => db.Collection<MediaLink>(Name);

    public void Add(ITransaction tx, MediaLink link)
    {
        ArgumentNullException.ThrowIfNull(tx);
        Links.Insert(link);
    }

    public MediaLink? Find(string tokenHash) => Links.FindById(tokenHash);

    public int CountExpired(DateTime now) => Links.Count(Expired(now));

    public int DeleteExpired(ITransaction tx, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return Links.DeleteMany(Expired(now));
    }

    private static BsonExpression Expired(DateTime now) => BsonExpression.Create("ExpiresAt <= @0", new BsonValue(now));
}

using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>A feature's collections: its indexes are created and the mapper warmed for its types at start.</summary>
public sealed record StoreSchema(string Name, Action<ILiteDatabase, BsonMapper> Prepare);

using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>The one configured <see cref="BsonMapper"/>, injected everywhere; LiteDB's process-wide mapper is never used.</summary>
public static class Mapper
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper
        {
            // Input is validated and normalised where it enters; the store must return exactly what was written.
            TrimWhitespace = false,
            EmptyStringToNull = false,
            SerializeNullValues = false,
            EnumAsInteger = false,
            IncludeFields = false,
        };
        Delivery.ChunkMembersCodec.Register(mapper);
        return mapper;
    }
}

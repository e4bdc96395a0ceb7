using System.Text;
using Directive920Bot.Delivery;
using Directive920Bot.Registration;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb.Delivery;

/// <summary>
/// A chunk's members stored as one binary value instead of an array of documents. LiteDB 5 reads a document of a
/// thousand small documents as a thousand dictionaries with their field names (~1.3 KB a member: 133 MB to read the 99
/// chunks of a 100,000-person occurrence at a restart); this reads ~30 bytes a member and shares the repeated texts
/// (language, unit, skip reason) between members. Chunks written before it (an array of documents) are still read.
/// </summary>
internal static class ChunkMembersCodec
{
    private const byte Version = 1;

    public static void Register(BsonMapper mapper) => mapper.RegisterType(Serialize, Deserialize);

    public static BsonValue Serialize(List<ChunkMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        using var stream = new MemoryStream((members.Count * 24) + 8);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write7BitEncodedInt(members.Count);
            foreach (var member in members)
            {
                writer.Write7BitEncodedInt64(member.S);
                writer.Write(member.L);
                WriteOptional(writer, member.U);
                writer.Write(member.R is { } role ? (byte)((int)role + 1) : (byte)0);
                WriteOptional(writer, member.Skip);
            }
        }

        return new BsonValue(stream.ToArray());
    }

    public static List<ChunkMember> Deserialize(BsonValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.IsArray)
        {
            return [.. value.AsArray.Select(Legacy)];
        }

        if (!value.IsBinary)
        {
            throw new InvalidDataException($"A chunk's members are neither an array nor a binary value but {value.Type}.");
        }

        using var reader = new BinaryReader(new MemoryStream(value.AsBinary, writable: false), Encoding.UTF8);
        var version = reader.ReadByte();
        if (version != Version)
        {
            throw new InvalidDataException($"A chunk's members are in format {version}; this program reads format {Version}.");
        }

        var count = reader.Read7BitEncodedInt();
        var members = new List<ChunkMember>(count);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            members.Add(new ChunkMember
            {
                S = reader.Read7BitEncodedInt64(),
                L = Shared(texts, reader.ReadString()),
                U = ReadOptional(reader, texts),
                R = reader.ReadByte() is var role and > 0 ? (CadreRole)(role - 1) : null,
                Skip = ReadOptional(reader, texts),
            });
        }

        return members;
    }

    private static void WriteOptional(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            writer.Write(text);
        }
    }

    private static string? ReadOptional(BinaryReader reader, Dictionary<string, string> texts) =>
        reader.ReadBoolean() ? Shared(texts, reader.ReadString()) : null;

    private static string Shared(Dictionary<string, string> texts, string text)
    {
        if (texts.TryGetValue(text, out var shared))
        {
            return shared;
        }

        texts[text] = text;
        return text;
    }

    // As the mapper wrote members before: a document each, the role by name, absent fields for nulls.
    private static ChunkMember Legacy(BsonValue value)
    {
        var doc = value.AsDocument;
        return new ChunkMember
        {
            S = doc["S"].AsInt64,
            L = doc["L"].AsString,
            U = doc["U"].IsNull ? null : doc["U"].AsString,
            R = doc["R"].IsNull ? null : Enum.Parse<CadreRole>(doc["R"].AsString),
            Skip = doc["Skip"].IsNull ? null : doc["Skip"].AsString,
        };
    }
}

using Directive920Bot.Channels;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>A channel's inbox cursor as kept in <c>_meta</c>: <c>{_id: "&lt;channel&gt;_offset", value, seen: [{from, to, at}]}</c>.</summary>
public static class InboxCursorDocument
{
    public static string KeyFor(string channel) => channel + "_offset";

    public static BsonDocument For(string channel, InboxCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return new BsonDocument
        {
            ["_id"] = KeyFor(channel),
            ["value"] = cursor.Offset,
            ["seen"] = new BsonArray(cursor.Seen.Select(r => new BsonDocument { ["from"] = r.From, ["to"] = r.To, ["at"] = r.LastSeenAt })),
        };
    }

    public static InboxCursor? Read(BsonDocument? doc)
    {
        if (doc is null)
        {
            return null;
        }

        var stored = doc["seen"];
        IReadOnlyList<SeenRange> seen = stored is { IsArray: true }
            ? [.. stored.AsArray.Select(v => new SeenRange(v["from"].AsInt32, v["to"].AsInt32, v["at"].AsDateTime.ToUniversalTime()))]
            : [];
        return new InboxCursor(doc["value"].AsInt32, seen);
    }
}

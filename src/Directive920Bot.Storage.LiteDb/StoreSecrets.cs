using System.Security.Cryptography;
using LiteDB;

namespace Directive920Bot.Storage.LiteDb;

/// <summary>
/// Random keys kept in the store itself (collection <c>_secrets</c>), created on first use. They key the hashes that
/// replace person ids where only equality matters (a report event counted once): such a hash cannot be computed from a
/// Telegram id alone, and a copy of the reports without the file cannot be matched to people.
/// </summary>
internal static class StoreSecrets
{
    public const string Collection = "_secrets";

    /// <summary>The key that hashes report event ids.</summary>
    public const string ReportEvents = "report-events";

    public static byte[] Get(ILiteDatabase db, string name)
    {
        var secrets = db.GetCollection(Collection);
        if (secrets.FindById(name) is { } found)
        {
            return found["key"].AsBinary;
        }

        var key = RandomNumberGenerator.GetBytes(32);
        secrets.Insert(new BsonDocument { ["_id"] = name, ["key"] = key });
        return key;
    }

    /// <summary>HMAC-SHA256 of <paramref name="value"/>, base64url, 32 characters (192 bits: no collision in any real store).</summary>
    public static string Hash(byte[] key, string value) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(value)), 0, 24)
            .Replace('+', '-').Replace('/', '_');
}

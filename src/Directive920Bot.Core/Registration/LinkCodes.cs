using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Directive920Bot.Channels;
using Directive920Bot.Storage;

namespace Directive920Bot.Registration;

/// <summary>
/// The one-time codes that link a person's second channel (<c>/lienket</c>): eight digits, easy to type on a phone,
/// valid <see cref="Lifetime"/>, one live code per person (a new one replaces it), used once. Only a hash is stored, as a
/// callback-key record owned by the person (action <see cref="Action"/>): erasure revokes it with the person's buttons and
/// the key clean-up deletes it when expired; no handler takes it as a button press. Wrong codes are counted per address
/// that types them: after <see cref="MaxWrongTries"/> in <see cref="TryWindow"/> every try is refused until the window ends,
/// so 10^8 codes cannot be walked through in a code's lifetime.
/// </summary>
public sealed class LinkCodes(ICallbackKeyRecords records, IStorage storage, [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
{
    public const string Action = "link.code";

    public const int Digits = 8;

    public const int MaxWrongTries = 5;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan TryWindow = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Count, DateTime Since)> wrong = new(StringComparer.Ordinal);

    /// <summary>A new code for the person (any earlier one stops working); the plain code is returned once and never stored.</summary>
    public string Issue(long personId)
    {
        var code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var now = time.GetUtcNow().UtcDateTime;
        var identity = Identity(personId);
        storage.Write(tx =>
        {
            if (records.FindByIdentity(identity) is { } earlier)
            {
                records.Delete(tx, earlier.Id);
            }

            records.Insert(tx, new CallbackKey
            {
                Id = KeyOf(code),
                OwnerId = personId,
                Action = Action,
                Identity = identity,
                CreatedAt = now,
                ExpiresAt = now + Lifetime,
            });
        });
        return code;
    }

    /// <summary>"12345678" as a cadre reads it best: "1234 5678".</summary>
    public static string Display(string code) => code.Length == Digits ? code[..4] + " " + code[4..] : code;

    /// <summary>The code in what was typed (spaces, dots and dashes ignored), or null when it is not eight digits.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var digits = new StringBuilder(Digits);
        foreach (var c in typed)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '\u00a0'))
            {
                return null;
            }
        }

        return digits.Length == Digits ? digits.ToString() : null;
    }

    /// <summary>Whether <paramref name="typer"/> has used up its wrong tries for now.</summary>
    public bool Locked(ChannelAddress typer)
    {
        ArgumentNullException.ThrowIfNull(typer);
        var now = time.GetUtcNow().UtcDateTime;
        return wrong.TryGetValue(typer.ToString(), out var tries) && now - tries.Since < TryWindow && tries.Count >= MaxWrongTries;
    }

    /// <summary>
    /// The live code's record for <paramref name="code"/>, or null (unknown, expired, used); a null counts as a wrong
    /// try of <paramref name="typer"/>.
    /// </summary>
    public CallbackKey? Find(ChannelAddress typer, string code)
    {
        ArgumentNullException.ThrowIfNull(typer);
        var now = time.GetUtcNow().UtcDateTime;
        var key = records.Find(KeyOf(code));
        if (key is { Action: Action, OwnerId: not null } && key.ExpiresAt > now)
        {
            return key;
        }

        wrong.AddOrUpdate(typer.ToString(), _ => (1, now), (_, t) => now - t.Since >= TryWindow ? (1, now) : (t.Count + 1, t.Since));
        return null;
    }

    /// <summary>Uses the code up, in the transaction that links: a rollback leaves it usable.</summary>
    public void Consume(ITransaction tx, CallbackKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        records.Delete(tx, key.Id);
    }

    private static string Identity(long personId) => personId.ToString(CultureInfo.InvariantCulture) + "|" + Action + "|";

    // A hash, not the code: a copy of the store does not hand out live codes. Prefixed so it never looks like a button key.
    private static string KeyOf(string code) =>
        "lk_" + Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes("directive920-link|" + code)))[..40].ToLowerInvariant();
}

using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Storage;

namespace Directive920Bot.WebConsole;

/// <summary>
/// Issues the one-time sign-in links of <c>/web</c>, redeems them (single use, 10 minutes, bound to the person they were
/// issued to) and ends every session of a person. Sign-in and sign-out are written to the audit log in the
/// transaction that does them.
/// </summary>
public sealed class ConsoleSignInService(
    IConsoleSignIns store,
    IStorage storage,
    IAccessPolicy access,
    AuditLog audit,
    [FromKeyedServices(Hosting.Clocks.Business)] TimeProvider time)
{
    /// <summary>A new link's token (shown once, never stored) for <paramref name="personId"/>.</summary>
    public async Task<(string Token, DateTime ExpiresAt)> IssueAsync(long personId)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var signIn = new ConsoleSignIn { Id = Hash(token), PersonId = personId, IssuedAt = now, ExpiresAt = now + ConsoleOptions.LinkLifetime };
        await storage.WriteAsync(tx =>
        {
            // Expired links are of no use to anyone: each issue sweeps them, so the collection stays small.
            store.DeleteExpired(tx, now - ConsoleOptions.LinkLifetime);
            store.Add(tx, signIn);
        });
        return (token, signIn.ExpiresAt);
    }

    /// <summary>
    /// Uses the link of <paramref name="token"/>. <paramref name="signedInAs"/> is the person whose session the browser
    /// already holds, if any: someone else's link is refused and stays unused.
    /// </summary>
    public async Task<(SignInOutcome Outcome, long PersonId, string? Stamp)> RedeemAsync(string token, long? signedInAs)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 128)
        {
            return (SignInOutcome.Unknown, 0, null);
        }

        var hash = Hash(token);
        return await storage.WriteAsync(tx =>
        {
            var signIn = store.Find(hash);
            var now = time.GetUtcNow().UtcDateTime;
            if (signIn is null)
            {
                return (SignInOutcome.Unknown, 0L, (string?)null);
            }

            if (signIn.UsedAt is not null)
            {
                return (SignInOutcome.AlreadyUsed, signIn.PersonId, null);
            }

            if (now >= signIn.ExpiresAt)
            {
                return (SignInOutcome.Expired, signIn.PersonId, null);
            }

            if (signedInAs is { } other && other != signIn.PersonId)
            {
                return (SignInOutcome.OtherPerson, signIn.PersonId, null);
            }

            if (!access.For(signIn.PersonId).IsAdmin)
            {
                return (SignInOutcome.NotAdmin, signIn.PersonId, null);
            }

            signIn.UsedAt = now;
            store.Save(tx, signIn);
            var stamp = store.StampOf(signIn.PersonId);
            if (stamp is null)
            {
                stamp = NewStamp();
                store.SetStamp(tx, signIn.PersonId, stamp, now);
            }

            audit.Write(tx, signIn.PersonId, "console.signin", signIn.PersonId.ToString(CultureInfo.InvariantCulture), "web console");
            return (SignInOutcome.SignedIn, signIn.PersonId, stamp);
        });
    }

    /// <summary>True while <paramref name="stamp"/> is the person's current session stamp.</summary>
    public bool IsCurrent(long personId, string? stamp) =>
        stamp is not null && string.Equals(store.StampOf(personId), stamp, StringComparison.Ordinal);

    /// <summary>Ends every console session of the person (a new stamp invalidates every cookie issued before).</summary>
    /// <param name="how">Where the sign-out was asked for, for the audit log ("bot /web logout", "web console").</param>
    public Task EndSessionsAsync(long personId, string how) => storage.WriteAsync(tx =>
    {
        store.SetStamp(tx, personId, NewStamp(), time.GetUtcNow().UtcDateTime);
        audit.Write(tx, personId, "console.signout", personId.ToString(CultureInfo.InvariantCulture), how);
    });

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

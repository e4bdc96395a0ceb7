using Directive920Bot.Storage;

namespace Directive920Bot.WebConsole;

/// <summary>The web console's sign-in links (stored hashed) and each person's session stamp.</summary>
public interface IConsoleSignIns
{
    void Add(ITransaction tx, ConsoleSignIn signIn);

    /// <summary>The link whose token hashes to <paramref name="tokenHash"/>, used or not.</summary>
    ConsoleSignIn? Find(string tokenHash);

    void Save(ITransaction tx, ConsoleSignIn signIn);

    /// <summary>The person's session stamp; null when no session was ever started.</summary>
    string? StampOf(long personId);

    void SetStamp(ITransaction tx, long personId, string stamp, DateTime at);

    /// <summary>Deletes links that expired before <paramref name="cutoff"/>; returns how many.</summary>
    int DeleteExpired(ITransaction tx, DateTime cutoff);

    /// <summary>Removes the person's links and stamp (erasure); returns how many records.</summary>
    int Forget(ITransaction tx, long personId);
}

namespace Directive920Bot.WebConsole;

/// <summary>What opening a sign-in link came to.</summary>
public enum SignInOutcome
{
    SignedIn,
    Unknown,
    Expired,
    AlreadyUsed,
    /// <summary>The browser already holds a session of someone else: the link is not theirs.</summary>
    OtherPerson,
    /// <summary>The person no longer holds an admin role.</summary>
    NotAdmin,
}

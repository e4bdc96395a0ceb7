namespace Directive920Bot.Channels;

/// <summary>A person blocked the bot (or left its chat), or unblocked it.</summary>
/// <param name="PersonId">Whose chat it is: the person id the adapter resolved from the chat's channel address.</param>
/// <param name="Blocked">True when the bot can no longer write to them; false when it can again.</param>
public sealed record MembershipChange(long PersonId, bool Blocked);

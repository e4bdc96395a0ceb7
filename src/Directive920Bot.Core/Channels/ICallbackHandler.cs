using Directive920Bot.Channels;

namespace Directive920Bot.Channels;

/// <summary>The presses of a feature's buttons: the router has found the key and checked it against the presser.</summary>
public interface ICallbackHandler
{
    /// <summary>The feature part of <see cref="CallbackKey.Action"/>, e.g. <c>reg</c> for <c>reg.unit</c>.</summary>
    string Feature { get; }

    Task<CallbackReply> HandleAsync(BotContext context, CallbackKey key, ButtonPress press, CancellationToken ct);
}

using Directive920Bot.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Directive920Bot.Registration;

/// <summary>
/// Tells a person, on each of their other apps, what was just done to their profile from one app (a link, an unlink),
/// so the owner learns of it where they are and can undo it. Sent through each channel's own sender (its gate, its
/// retries) after the commit; a channel this deployment does not run is passed over, a failure is logged and the change
/// stands.
/// </summary>
internal static class OtherAppsNotice
{
    public static async Task SendAsync(IServiceProvider services, ILogger log, long person, IEnumerable<ChannelAddress> others, string text, CancellationToken ct)
    {
        foreach (var other in others)
        {
            if (services.GetKeyedService<IChannelSender>(other.Channel) is not { } sender)
            {
                continue;
            }

            var sent = await sender.ReplyAsync(person, new OutboundMessage(text), ct);
            if (!sent.Ok)
            {
                log.LogWarning("Telling person {PersonId} on {Channel} about a change of their linked accounts failed: {Description}", person, other.Channel, sent.Description);
            }
        }
    }
}

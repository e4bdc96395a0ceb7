using Directive920Bot.Admin;
using Directive920Bot.Channels;
using Directive920Bot.Registration;

namespace Directive920Bot.Delivery;

/// <summary>
/// “Gửi thử cho đồng chí” (a test to oneself): the composed message of a (valid) campaign request, sent to the admin's own chat through the normal
/// channel sender — the same row construction and composer as the real send, its buttons inert (as the bot's preview),
/// nothing in the ledger, so the campaign's figures never count it. Audited as <c>campaign.test</c>.
/// </summary>
public sealed class CampaignTestSend(CampaignService campaigns, MessageComposer composer, IChannelSender sender, ISubscribers subscribers, AuditLog audit)
{
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(2);

    /// <summary>How many parts reached the admin; null when the request is not valid (nothing sent, nothing audited).</summary>
    public async Task<int?> SendAsync(CampaignRequest request, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        if (campaigns.Validate(request).Count > 0)
        {
            return null;
        }

        var self = subscribers.Find(by.AuditId) ?? new Subscriber { Id = by.AuditId };
        var row = campaigns.SampleRow(request, self);
        OutboundMessage? composed;
        using (CallbackKeyStore.Preview(by.AuditId, BroadcastHandler.PreviewAction, KeyLifetime))
        {
            composed = composer.Compose(row);
        }

        var sent = 0;
        foreach (var part in composed is null ? [] : MessageComposer.Split(composed))
        {
            var result = await sender.ReplyAsync(by.AuditId, part, ct);
            if (result.Ok)
            {
                sent++;
            }
        }

        audit.Write(by.AuditId, "campaign.test", request.LessonId ?? "text", FormattableString.Invariant($"{sent} parts sent to the admin's own chat ({by.Name})"));
        return sent;
    }
}

namespace Directive920Bot.Zalo;

/// <summary>How updates arrive from the Zalo Bot Platform: long polling with getUpdates, or a webhook it POSTs to.</summary>
public enum ZaloMode
{
    Polling,
    Webhook,
}

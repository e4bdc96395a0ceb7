namespace Directive920Bot.Channels;

/// <summary>
/// A press of one of the bot's buttons. The key has been found and checked against the presser by then (the handler
/// receives it as a <see cref="CallbackKey"/>); what remains is the message the button sits on, which
/// features edit in place.
/// </summary>
/// <param name="Key">The opaque key the button carried.</param>
/// <param name="MessageId">The id of the message the button sits on; null when the channel did not say.</param>
/// <param name="MessageText">That message's plain text, as the person sees it (null when unknown or not text).</param>
/// <param name="MessageHtml">
/// That message's text with its formatting, as HTML the bot can send back in an edit (null when unknown); it is
/// rebuilt from what the channel reports, so an edit keeps the formatting of the text it adds to.
/// </param>
public sealed record ButtonPress(string Key, int? MessageId, string? MessageText = null, string? MessageHtml = null);

namespace Directive920Bot.Channels;

/// <summary>A file a person sent to the bot; its content is read through <see cref="IChannelFiles"/>.</summary>
/// <param name="FileId">The channel's id of the file, for <see cref="IChannelFiles.OpenAsync"/>.</param>
/// <param name="FileName">The name the sender's app gave it, if any.</param>
/// <param name="FileSize">Its size in bytes, when the channel says.</param>
/// <param name="MimeType">Its MIME type as the sender's app declared it, if any.</param>
/// <param name="MessageId">The id of the message that carried it, in its chat.</param>
public sealed record InboundDocument(string FileId, string? FileName, long? FileSize, string? MimeType, int MessageId);

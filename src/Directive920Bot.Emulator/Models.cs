namespace Directive920Bot.Emulator;

/// <summary>A simulated Telegram user; their private chat with the bot has the same id.</summary>
public sealed class EmulatedUser
{
    internal EmulatedUser(long id, string firstName, string? lastName, string? username, string languageCode)
    {
        Id = id;
        FirstName = firstName;
        LastName = lastName;
        Username = username;
        LanguageCode = languageCode;
    }

    public long Id { get; }

    public string FirstName { get; }

    public string? LastName { get; }

    public string? Username { get; }

    public string LanguageCode { get; }

    /// <summary>True while the user has blocked the bot.</summary>
    public bool IsBlocked => Volatile.Read(ref _blocked);

    internal bool _blocked;
}

/// <summary>One inline keyboard button.</summary>
public sealed record ChatButton(string Text, string? CallbackData, string? Url);

/// <summary>A formatting entity in UTF-16 offsets, as Telegram reports it.</summary>
public sealed record MessageEntityInfo(string Type, int Offset, int Length, string? Url = null, string? Language = null, string? CustomEmojiId = null);

/// <summary>A stored file (photo or document) with its original bytes.</summary>
public sealed record EmulatedFile(string FileId, string FileUniqueId, string FileName, string MimeType, string FilePath, byte[] Content)
{
    public long Size => Content.LongLength;
}

/// <summary>Poll state as last seen by the emulator.</summary>
public sealed record PollInfo(
    string Id,
    string Question,
    IReadOnlyList<string> Options,
    IReadOnlyList<int> VoterCounts,
    string Type,
    bool IsAnonymous,
    bool AllowsMultipleAnswers,
    int? CorrectOptionId,
    string? Explanation,
    bool IsClosed,
    int TotalVoterCount);

/// <summary>Snapshot of one message in a private chat (bot or user side), current state after edits.</summary>
public sealed record ChatMessage
{
    public required int MessageId { get; init; }

    public required long ChatId { get; init; }

    public required bool FromBot { get; init; }

    public required DateTimeOffset Date { get; init; }

    /// <summary>Raw text or caption as sent (HTML when parse_mode was HTML).</summary>
    public string? Html { get; init; }

    /// <summary>Plain text or caption after entity parsing.</summary>
    public string? Text { get; init; }

    public string? ParseMode { get; init; }

    public IReadOnlyList<MessageEntityInfo> Entities { get; init; } = [];

    /// <summary>Inline keyboard rows; empty when there is none.</summary>
    public IReadOnlyList<IReadOnlyList<ChatButton>> Buttons { get; init; } = [];

    public PollInfo? Poll { get; init; }

    public EmulatedFile? Photo { get; init; }

    public EmulatedFile? Document { get; init; }

    public int EditCount { get; init; }

    public DateTimeOffset? EditDate { get; init; }

    public bool Deleted { get; init; }

    /// <summary>Emulator-wide change counter; grows on every create, edit and delete.</summary>
    public long Version { get; init; }

    /// <summary>True for photo/document messages, where Text/Html hold the caption.</summary>
    public bool HasMedia => Photo is not null || Document is not null;
}

/// <summary>One Bot API request made by the bot, in arrival order.</summary>
public sealed record BotCall(string Method, long? ChatId, int StatusCode, DateTimeOffset At, bool DuringPenalty, string? Description)
{
    /// <summary>The retry_after an injected fault answered with (null otherwise).</summary>
    public int? RetryAfter { get; init; }
}

/// <summary>How the bot answered a callback query. AnswerCount counts every answerCallbackQuery attempt, including rejected repeats.</summary>
public sealed record CallbackAnswerRecord(string CallbackQueryId, bool Answered, string? Text, bool ShowAlert, string? Url, int AnswerCount);

/// <summary>A command registered with setMyCommands.</summary>
public sealed record BotCommandRecord(string Command, string Description, string? LanguageCode);

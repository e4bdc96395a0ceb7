namespace Directive920Bot.Emulator;

/// <summary>One private chat (user id = chat id). Mutations happen under <see cref="Gate"/>; messages are immutable snapshots.</summary>
internal sealed class ChatState(EmulatedUser user)
{
    public Lock Gate { get; } = new();

    public EmulatedUser User { get; set; } = user;

    public List<ChatMessage> Messages { get; } = [];

    public Dictionary<int, int> IndexById { get; } = [];

    public int NextMessageId { get; set; } = 1;

    /// <summary>Last bot message id handed out by WaitForBotMessageAsync.</summary>
    public int WaitCursor { get; set; }

    public ChatFloodState Flood { get; } = new();

    public string ChatInstance { get; } = (user.Id * 7919L + 104729L).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public ChatMessage? Find(int messageId) => IndexById.TryGetValue(messageId, out var index) ? Messages[index] : null;
}

internal sealed class CallbackState(string id, long userId, int messageId)
{
    public string Id { get; } = id;

    public long UserId { get; } = userId;

    public int MessageId { get; } = messageId;

    public bool Answered { get; set; }

    public string? Text { get; set; }

    public bool ShowAlert { get; set; }

    public string? Url { get; set; }

    public int AnswerCount { get; set; }
}

internal sealed class PollState(string id, long chatId, int messageId)
{
    public string Id { get; } = id;

    public long ChatId { get; } = chatId;

    public int MessageId { get; } = messageId;

    /// <summary>Current choice of each voter; guarded by the chat's gate.</summary>
    public Dictionary<long, int[]> Votes { get; } = [];
}

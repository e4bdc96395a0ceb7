using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Directive920Bot.Emulator;

/// <summary>
/// An in-process Telegram Bot API server on 127.0.0.1 plus a scriptable set of users.
/// The bot talks to it with the unchanged Telegram.Bot client; tests drive the users through this class.
/// </summary>
public sealed partial class BotApiEmulator : IAsyncDisposable
{
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, ChatState> _chats = new();
    private readonly ConcurrentDictionary<string, CallbackState> _callbacks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PollState> _polls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmulatedFile> _filesById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmulatedFile> _filesByPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<BotCommandRecord>> _commands = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<BotCall> _calls = new();
    private readonly UpdateQueue _updates = new();
    private readonly RateLimiter _limiter;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _faultGate = new();
    private FaultHandle[] _faults = [];
    private TaskCompletionSource _changed = NewSignal();
    private WebApplication? _app;
    private long _version;
    private long _latencyTicks;
    private long _requestsDuringPenalty;
    private long _tooManyRequests;
    private long _paidBroadcastSends;
    private long _nextFileNumber;
    private long _nextCallbackId = 4_200_000_000_000L;
    private long _nextPollId = 5_900_000_000_000_000L;

    private BotApiEmulator(EmulatorOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        _limiter = new RateLimiter(options.RateLimits, _time);
        Token = options.Token;
        var colon = Token.IndexOf(':', StringComparison.Ordinal);
        BotId = colon > 0 && long.TryParse(Token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ArgumentException("The token must look like '<numeric bot id>:<secret>'.", nameof(options));
        BotUsername = options.BotUsername;
        BotFirstName = options.BotFirstName;
        Latency = options.Latency;
        BaseUrl = new Uri("http://127.0.0.1/");
        Zalo = new ZaloDialect(_time);
    }

    /// <summary>Starts the server; binds 127.0.0.1 on <see cref="EmulatorOptions.Port"/> (0 = any free port).</summary>
    public static async Task<BotApiEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken ct = default)
    {
        var emulator = new BotApiEmulator(options ?? new EmulatorOptions());
        try
        {
            await emulator.StartServerAsync(ct);
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    public Uri BaseUrl { get; private set; }

    /// <summary>The Zalo Bot Platform dialect served by this process under <c>/zalo</c> (<see cref="ZaloBaseUrl"/>).</summary>
    public ZaloDialect Zalo { get; }

    /// <summary>The base address to configure as Zalo:ApiBaseUrl.</summary>
    public Uri ZaloBaseUrl => new(BaseUrl, "zalo");

    public string Token { get; }

    public long BotId { get; }

    public string BotUsername { get; }

    public string BotFirstName { get; }

    /// <summary>Live rate-limit settings; changes apply to the next request.</summary>
    public RateLimitOptions RateLimits => _options.RateLimits;

    /// <summary>Delay added before every Bot API request is handled.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>Counted requests that arrived while their scope (bot or chat) was already in a 429 penalty.</summary>
    public long RequestsDuringPenalty => Interlocked.Read(ref _requestsDuringPenalty);

    /// <summary>All 429 responses produced by the rate limiter (injected faults are not included).</summary>
    public long TooManyRequestsReturned => Interlocked.Read(ref _tooManyRequests);

    /// <summary>Sends that carried <c>allow_paid_broadcast: true</c> (counted against the paid limit).</summary>
    public long PaidBroadcastSends => Interlocked.Read(ref _paidBroadcastSends);

    /// <summary>Updates queued and not yet confirmed by the bot.</summary>
    public int PendingUpdateCount => _updates.PendingCount;

    /// <summary>The update_id of the update produced last (a message, press, poll answer or membership change); 0 before any.</summary>
    public int LastUpdateId => _updates.LastId;

    /// <summary>Raised after any transcript change: bot send/edit/delete, user messages and poll vote counts.</summary>
    public event EventHandler<ChatMessage>? MessageChanged;

    /// <summary>Every Bot API request in completion order.</summary>
    public IReadOnlyList<BotCall> Calls => _calls.ToArray();

    public IReadOnlyList<EmulatedUser> Users => [.. _chats.Values.Select(c => c.User).OrderBy(u => u.Id)];

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task StartServerAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(BotApiEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, _options.Port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 64L * 1024 * 1024;
        });
        var app = builder.Build();
        app.Run(HandleHttpAsync);
        _app = app;
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel did not report its address.");
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_shutdown.IsCancellationRequested)
        {
            return;
        }

        // Wake long polls and waits first so Kestrel can stop without waiting for them.
        StopWebhook();
        await _shutdown.CancelAsync();
        if (_app is not null)
        {
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await _app.StopAsync(stopTimeout.Token);
            await _app.DisposeAsync();
        }

        _shutdown.Dispose();
        _webhookHttp.Dispose();
        Zalo.Dispose();
    }

    // ---- users -------------------------------------------------------------------------------

    /// <summary>Adds (or replaces the profile of) a user; their private chat id equals <paramref name="userId"/>.</summary>
    public EmulatedUser AddUser(long userId, string firstName, string? lastName = null, string? username = null, string languageCode = "vi")
    {
        ArgumentException.ThrowIfNullOrEmpty(firstName);
        if (userId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(userId), "Private chat ids are positive.");
        }

        var user = new EmulatedUser(userId, firstName, lastName, username, languageCode);
        _chats.AddOrUpdate(userId, _ => new ChatState(user), (_, existing) =>
        {
            user._blocked = existing.User.IsBlocked;
            existing.User = user;
            return existing;
        });
        SignalChanged();
        return user;
    }

    private ChatState UserChat(long userId) =>
        _chats.TryGetValue(userId, out var chat) ? chat : throw new InvalidOperationException($"No user {userId}; call AddUser first.");

    /// <summary>The user sends text (a leading /command gets a bot_command entity). Unblocks the bot first if needed, as pressing Restart does.</summary>
    public int SendText(long userId, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var chat = UserChat(userId);
        if (chat.User.IsBlocked)
        {
            Unblock(userId);
        }

        var entities = DetectCommands(text);
        var message = AddMessage(chat, (id, version) => new ChatMessage
        {
            MessageId = id,
            ChatId = userId,
            FromBot = false,
            Date = _time.GetUtcNow(),
            Text = text,
            Html = text,
            Entities = entities,
            Version = version,
        });
        EnqueueMessageUpdate(chat, message);
        return message.MessageId;
    }

    /// <summary>The user sends a document; the bot can getFile and download it.</summary>
    public int SendDocument(long userId, string fileName, byte[] content, string mimeType)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var chat = UserChat(userId);
        if (chat.User.IsBlocked)
        {
            Unblock(userId);
        }

        var file = StoreFile("documents", fileName, mimeType, content);
        var message = AddMessage(chat, (id, version) => new ChatMessage
        {
            MessageId = id,
            ChatId = userId,
            FromBot = false,
            Date = _time.GetUtcNow(),
            Document = file,
            Version = version,
        });
        EnqueueMessageUpdate(chat, message);
        return message.MessageId;
    }

    /// <summary>The user presses an inline button; returns the callback query id.</summary>
    public string PressButton(long userId, int messageId, string callbackData)
    {
        var chat = UserChat(userId);
        ChatMessage message;
        lock (chat.Gate)
        {
            message = chat.Find(messageId) is { FromBot: true, Deleted: false } found
                ? found
                : throw new InvalidOperationException($"Bad Request: no bot message {messageId} in chat {userId}.");
        }

        if (!message.Buttons.SelectMany(r => r).Any(b => b.CallbackData == callbackData))
        {
            throw new InvalidOperationException($"Bad Request: message {messageId} has no button with callback_data '{callbackData}'.");
        }

        return EnqueuePress(chat, userId, messageId, message, callbackData);
    }

    /// <summary>Queues the callback_query of a press (real or forged) and tracks its answer; returns the query id.</summary>
    private string EnqueuePress(ChatState chat, long userId, int messageId, ChatMessage message, string callbackData)
    {
        var id = Interlocked.Increment(ref _nextCallbackId).ToString(CultureInfo.InvariantCulture);
        _callbacks[id] = new CallbackState(id, userId, messageId);
        var user = chat.User;
        _updates.Enqueue("callback_query", (user, message, chat.ChatInstance, callbackData, id), (updateId, s) => Wire.ToBytes((updateId, s), (w, t) =>
        {
            w.WriteStartObject();
            w.WriteNumber("update_id", t.updateId);
            w.WriteStartObject("callback_query");
            w.WriteString("id", t.s.id);
            w.WritePropertyName("from");
            Wire.WriteUser(w, t.s.user);
            w.WritePropertyName("message");
            Wire.WriteMessage(w, t.s.message, t.s.user, this);
            w.WriteString("chat_instance", t.s.ChatInstance);
            w.WriteString("data", t.s.callbackData);
            w.WriteEndObject();
            w.WriteEndObject();
        }));
        return id;
    }

    /// <summary>The user votes; a poll_answer update is produced only for non-anonymous polls. No options retracts the vote.</summary>
    public void AnswerPoll(long userId, string pollId, params int[] optionIds)
    {
        ArgumentNullException.ThrowIfNull(optionIds);
        var chat = UserChat(userId);
        if (!_polls.TryGetValue(pollId, out var poll) || poll.ChatId != userId)
        {
            throw new InvalidOperationException($"No poll {pollId} in chat {userId}.");
        }

        ChatMessage updated;
        lock (chat.Gate)
        {
            var message = chat.Find(poll.MessageId) ?? throw new InvalidOperationException($"Poll message {poll.MessageId} is gone.");
            var info = message.Poll!;
            if (info.IsClosed)
            {
                throw new InvalidOperationException($"Poll {pollId} is closed.");
            }

            if (optionIds.Length > 1 && !info.AllowsMultipleAnswers)
            {
                throw new InvalidOperationException("This poll allows a single answer.");
            }

            if (optionIds.Any(o => o < 0 || o >= info.Options.Count) || optionIds.Distinct().Count() != optionIds.Length)
            {
                throw new InvalidOperationException("Invalid option ids.");
            }

            if (optionIds.Length == 0)
            {
                poll.Votes.Remove(userId);
            }
            else
            {
                poll.Votes[userId] = [.. optionIds];
            }

            var counts = new int[info.Options.Count];
            foreach (var vote in poll.Votes.Values)
            {
                foreach (var option in vote)
                {
                    counts[option]++;
                }
            }

            updated = message with
            {
                Poll = info with { VoterCounts = counts, TotalVoterCount = poll.Votes.Count },
                Version = NextVersion(),
            };
            chat.Messages[chat.IndexById[message.MessageId]] = updated;
        }

        OnMessageChanged(updated);
        if (!updated.Poll.IsAnonymous)
        {
            var user = chat.User;
            _updates.Enqueue("poll_answer", (pollId, user, optionIds), (updateId, s) => Wire.ToBytes((updateId, s), static (w, t) =>
            {
                w.WriteStartObject();
                w.WriteNumber("update_id", t.updateId);
                w.WriteStartObject("poll_answer");
                w.WriteString("poll_id", t.s.pollId);
                w.WritePropertyName("user");
                Wire.WriteUser(w, t.s.user);
                w.WriteStartArray("option_ids");
                foreach (var option in t.s.optionIds)
                {
                    w.WriteNumberValue(option);
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }));
        }
    }

    /// <summary>The user blocks the bot: sends become 403 and a my_chat_member (member → kicked) update is queued.</summary>
    public void Block(long userId) => SetBlocked(userId, blocked: true);

    /// <summary>The user restarts the bot: a my_chat_member (kicked → member) update is queued.</summary>
    public void Unblock(long userId) => SetBlocked(userId, blocked: false);

    private void SetBlocked(long userId, bool blocked)
    {
        var chat = UserChat(userId);
        var user = chat.User;
        if (Interlocked.Exchange(ref user._blocked, blocked) == blocked)
        {
            return;
        }

        var date = Wire.Unix(_time.GetUtcNow());
        _updates.Enqueue("my_chat_member", (user, blocked, date), (updateId, s) => Wire.ToBytes((updateId, s), (w, t) =>
        {
            w.WriteStartObject();
            w.WriteNumber("update_id", t.updateId);
            w.WriteStartObject("my_chat_member");
            w.WritePropertyName("chat");
            Wire.WriteChat(w, t.s.user);
            w.WritePropertyName("from");
            Wire.WriteUser(w, t.s.user);
            w.WriteNumber("date", t.s.date);
            WriteMember(w, "old_chat_member", kicked: !t.s.blocked);
            WriteMember(w, "new_chat_member", kicked: t.s.blocked);
            w.WriteEndObject();
            w.WriteEndObject();
        }));
        SignalChanged();
    }

    private void WriteMember(System.Text.Json.Utf8JsonWriter w, string name, bool kicked)
    {
        w.WriteStartObject(name);
        w.WriteString("status", kicked ? "kicked" : "member");
        w.WritePropertyName("user");
        Wire.WriteBotUser(w, BotId, BotFirstName, BotUsername, full: false);
        if (kicked)
        {
            w.WriteNumber("until_date", 0);
        }

        w.WriteEndObject();
    }

    /// <summary>Queues a copy of an already produced update with the same update_id, as Telegram does when it redelivers.</summary>
    public void RedeliverUpdate(int updateId) => _updates.Redeliver(updateId);

    // ---- inspection ------------------------------------------------------------------------

    /// <summary>Messages of a chat in order (current state after edits, deleted ones flagged).</summary>
    public IReadOnlyList<ChatMessage> Transcript(long chatId)
    {
        if (!_chats.TryGetValue(chatId, out var chat))
        {
            return [];
        }

        lock (chat.Gate)
        {
            return [.. chat.Messages];
        }
    }

    public CallbackAnswerRecord? GetCallbackAnswer(string callbackQueryId)
    {
        if (!_callbacks.TryGetValue(callbackQueryId, out var state))
        {
            return null;
        }

        lock (state)
        {
            return new CallbackAnswerRecord(state.Id, state.Answered, state.Text, state.ShowAlert, state.Url, state.AnswerCount);
        }
    }

    /// <summary>Commands set for exactly this language code (null = the default list), like getMyCommands.</summary>
    public IReadOnlyList<BotCommandRecord> GetCommands(string? languageCode = null) =>
        _commands.TryGetValue(languageCode ?? string.Empty, out var list) ? list : [];

    /// <summary>A file the bot sent or a user uploaded.</summary>
    public EmulatedFile? GetFile(string fileId) => _filesById.GetValueOrDefault(fileId);

    /// <summary>
    /// Returns the next bot message in the chat that this method has not returned before (message ids beyond a per-chat
    /// cursor, whether sent before or after the call began) and that matches <paramref name="predicate"/>; waits for one.
    /// A cursor instead of "after the call began" avoids missing a reply the bot sent before the test started waiting.
    /// </summary>
    public async Task<ChatMessage> WaitForBotMessageAsync(long chatId, Func<ChatMessage, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var chat = UserChat(chatId);
        var deadline = Environment.TickCount64 + (long)(timeout ?? _options.DefaultWaitTimeout).TotalMilliseconds;
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            ChatMessage[] candidates;
            lock (chat.Gate)
            {
                var cursor = chat.WaitCursor;
                candidates = [.. chat.Messages.Where(m => m.FromBot && m.MessageId > cursor)];
            }

            foreach (var candidate in candidates)
            {
                if (predicate is null || predicate(candidate))
                {
                    lock (chat.Gate)
                    {
                        chat.WaitCursor = Math.Max(chat.WaitCursor, candidate.MessageId);
                    }

                    return candidate;
                }
            }

            if (!await WaitForChangeAsync(changed, deadline))
            {
                throw new TimeoutException($"No matching bot message in chat {chatId} within {timeout ?? _options.DefaultWaitTimeout}.\n{DescribeTranscript(chatId)}");
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; it is re-checked on every emulator change and every 25 ms.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Environment.TickCount64 + (long)(timeout ?? _options.DefaultWaitTimeout).TotalMilliseconds;
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (condition())
            {
                return;
            }

            if (!await WaitForChangeAsync(changed, deadline))
            {
                if (condition())
                {
                    return;
                }

                throw new TimeoutException($"Condition not met within {timeout ?? _options.DefaultWaitTimeout}.");
            }
        }
    }

    /// <summary>False once the deadline passed; otherwise returns after a change or a short poll interval.</summary>
    private async Task<bool> WaitForChangeAsync(Task changed, long deadline)
    {
        var left = deadline - Environment.TickCount64;
        if (left <= 0)
        {
            return false;
        }

        var poll = Task.Delay(TimeSpan.FromMilliseconds(Math.Min(left, 25)), _shutdown.Token);
        await Task.WhenAny(changed, poll);
        _shutdown.Token.ThrowIfCancellationRequested();
        return true;
    }

    /// <summary>Human-readable transcript for failure messages.</summary>
    public string DescribeTranscript(long chatId)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Transcript of chat {chatId}:");
        foreach (var m in Transcript(chatId))
        {
            sb.AppendLine();
            sb.Append(CultureInfo.InvariantCulture, $"  #{m.MessageId} {(m.FromBot ? "bot" : "user")}{(m.Deleted ? " [deleted]" : string.Empty)}{(m.EditCount > 0 ? $" [edited x{m.EditCount}]" : string.Empty)}: ");
            sb.Append(m.Poll is { } p ? $"[poll] {p.Question}" : m.Document is { } d ? $"[document {d.FileName}] {m.Text}" : m.Photo is not null ? $"[photo] {m.Text}" : m.Text);
            foreach (var row in m.Buttons)
            {
                sb.Append(" | ");
                sb.AppendJoin(" ", row.Select(b => $"[{b.Text}→{b.CallbackData ?? b.Url}]"));
            }
        }

        return sb.ToString();
    }

    // ---- faults --------------------------------------------------------------------------------

    public FaultHandle InjectFault(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var handle = new FaultHandle(rule, RemoveFault);
        lock (_faultGate)
        {
            _faults = [.. _faults, handle];
        }

        return handle;
    }

    public void ClearFaults()
    {
        lock (_faultGate)
        {
            _faults = [];
        }
    }

    private void RemoveFault(FaultHandle handle)
    {
        lock (_faultGate)
        {
            _faults = [.. _faults.Where(f => f != handle)];
        }
    }

    // ---- shared helpers ------------------------------------------------------------------------

    private long NextVersion() => Interlocked.Increment(ref _version);

    internal long CurrentVersion => Interlocked.Read(ref _version);

    private void SignalChanged() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private void OnMessageChanged(ChatMessage message)
    {
        SignalChanged();
        MessageChanged?.Invoke(this, message);
    }

    private ChatMessage AddMessage(ChatState chat, Func<int, long, ChatMessage> create)
    {
        ChatMessage message;
        lock (chat.Gate)
        {
            var id = chat.NextMessageId++;
            message = create(id, NextVersion());
            chat.IndexById[id] = chat.Messages.Count;
            chat.Messages.Add(message);
        }

        OnMessageChanged(message);
        return message;
    }

    private void EnqueueMessageUpdate(ChatState chat, ChatMessage message)
    {
        var user = chat.User;
        _updates.Enqueue("message", (message, user), (updateId, s) => Wire.ToBytes((updateId, s), (w, t) =>
        {
            w.WriteStartObject();
            w.WriteNumber("update_id", t.updateId);
            w.WritePropertyName("message");
            Wire.WriteMessage(w, t.s.message, t.s.user, this);
            w.WriteEndObject();
        }));
    }

    private EmulatedFile StoreFile(string folder, string fileName, string mimeType, byte[] content)
    {
        var n = Interlocked.Increment(ref _nextFileNumber);
        var extension = Path.GetExtension(fileName);
        var fileId = string.Create(CultureInfo.InvariantCulture, $"BQACAgEmu{n:x6}{folder[0]}{BotId}");
        var file = new EmulatedFile(fileId, string.Create(CultureInfo.InvariantCulture, $"AgADemu{n:x6}"), fileName, mimeType, $"{folder}/file_{n}{extension}", content);
        _filesById[fileId] = file;
        _filesByPath[file.FilePath] = file;
        return file;
    }

    private static List<MessageEntityInfo> DetectCommands(string text)
    {
        var entities = new List<MessageEntityInfo>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '/' || (i > 0 && !char.IsWhiteSpace(text[i - 1])))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '@'))
            {
                end++;
            }

            if (end - i > 1)
            {
                entities.Add(new MessageEntityInfo("bot_command", i, end - i));
            }

            i = end;
        }

        return entities;
    }
}

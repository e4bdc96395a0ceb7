using System.Threading.Channels;
using Directive920Bot.Channels;
using Directive920Bot.Localization;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using Directive920Bot.Telegram;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Telegram;

/// <summary>
/// The router turns each kind of Telegram update into the channel-neutral event a feature takes, with what features
/// read of it (the text and its message, the pressed message's text and formatting, the file and its bytes, the
/// answer, the block). A feature that records what it is given stands in for the real ones.
/// </summary>
public sealed class InboundEventMappingTests
{
    private const string Probe = "probe";

    /// <summary>Every event it receives, in order; it also answers so that the dialogue in the chat can go on.</summary>
    private sealed class ProbeHandler(CallbackKeyStore keys, IChannelFiles files)
        : ICommandHandler, IConversationHandler, ICallbackHandler, IDocumentHandler, IPollAnswerHandler, IMembershipHandler
    {
        public Channel<object> Events { get; } = Channel.CreateUnbounded<object>();

        public IReadOnlyList<CommandSpec> Commands { get; } = [new(Probe, new Loc("thử", "probe"), CommandAccess.Anyone, InMenu: false, "probepoll")];

        public string Prefix => Probe;

        public string Feature => Probe;

        public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
        {
            await Events.Writer.WriteAsync((arguments, message), ct);
            if (arguments == "poll")
            {
                var sent = await context.Sender.TrySendQuizPollAsync(context.PersonId, "2 + 2?", ["3", "4", "5"], 1, null, SendPriority.Interactive, ct);
                await Events.Writer.WriteAsync(sent, ct);
                return;
            }

            await context.ReplyAsync(new OutboundMessage("<b>Bài 1.</b> Thông báo <i>920</i>")
                .WithButtons([new OutboundButton("Bấm", keys.Issue(context.PersonId, Probe + ".press", "x"))]), ct);
        }

        public async Task ContinueAsync(BotContext context, InboundText message, CancellationToken ct) =>
            await Events.Writer.WriteAsync(message, ct);

        public async Task<CallbackReply> HandleAsync(BotContext context, CallbackKey key, ButtonPress press, CancellationToken ct)
        {
            await Events.Writer.WriteAsync(press, ct);
            return CallbackReply.Silent;
        }

        public async Task<bool> TryHandleAsync(BotContext context, InboundDocument document, CancellationToken ct)
        {
            await using var content = await files.OpenAsync(document.FileId, ct);
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, ct);
            await Events.Writer.WriteAsync((document, copy.ToArray()), ct);
            await context.ReplyAsync("ok", ct);
            return true;
        }

        public async Task HandleAsync(InboundQuizAnswer answer, CancellationToken ct) => await Events.Writer.WriteAsync(answer, ct);

        public async Task HandleAsync(MembershipChange change, CancellationToken ct) => await Events.Writer.WriteAsync(change, ct);

        public async Task<T> NextAsync<T>()
        {
            using var timeout = new CancellationTokenSource(BotHarness.Wait);
            while (true)
            {
                if (await Events.Reader.ReadAsync(timeout.Token) is T wanted)
                {
                    return wanted;
                }
            }
        }
    }

    private static Task<BotHarness> StartAsync() => BotHarness.StartAsync(services: s =>
    {
        s.AddSingleton<ProbeHandler>();
        s.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<ProbeHandler>());
        s.AddSingleton<IConversationHandler>(sp => sp.GetRequiredService<ProbeHandler>());
        s.AddSingleton<ICallbackHandler>(sp => sp.GetRequiredService<ProbeHandler>());
        s.AddSingleton<IDocumentHandler>(sp => sp.GetRequiredService<ProbeHandler>());
        s.AddSingleton<IPollAnswerHandler>(sp => sp.GetRequiredService<ProbeHandler>());
        s.AddSingleton<IMembershipHandler>(sp => sp.GetRequiredService<ProbeHandler>());
    });

    [Fact]
    public async Task A_command_carries_its_arguments_and_its_message()
    {
        await using var bot = await StartAsync();
        var probe = bot.Get<ProbeHandler>();
        bot.User(2701);

        var id = bot.Emulator.SendText(2701, "/probe@Directive920Bot  một hai");

        var (arguments, message) = await probe.NextAsync<(string, InboundText)>();
        Assert.Equal("một hai", arguments);
        Assert.Equal(new InboundText("/probe@Directive920Bot  một hai", id), message);
    }

    [Fact]
    public async Task Text_in_a_dialogue_step_reaches_the_feature_that_owns_the_step()
    {
        await using var bot = await StartAsync();
        var probe = bot.Get<ProbeHandler>();
        bot.User(2702);
        bot.Get<IStorage>().Write(tx => bot.Get<ISubscribers>().Save(tx, new Subscriber { Id = 2702, Language = "vi", Conversation = Probe + ".step" }));

        var id = bot.Emulator.SendText(2702, "Nguyễn Văn An");

        Assert.Equal(new InboundText("Nguyễn Văn An", id), await probe.NextAsync<InboundText>());
    }

    [Fact]
    public async Task A_press_carries_its_key_and_the_pressed_message_with_its_formatting()
    {
        await using var bot = await StartAsync();
        var probe = bot.Get<ProbeHandler>();
        bot.User(2703);
        var message = await bot.SayAsync(2703, "/probe");
        var key = message.Buttons.Single().Single().CallbackData!;

        var answered = await bot.PressAsync(2703, message, "Bấm");

        var press = await probe.NextAsync<ButtonPress>();
        Assert.Equal(key, press.Key);
        Assert.Equal(message.MessageId, press.MessageId);
        Assert.Equal("Bài 1. Thông báo 920", press.MessageText);
        Assert.Equal("<b>Bài 1.</b> Thông báo <i>920</i>", press.MessageHtml);
        Assert.Equal(1, bot.Emulator.GetCallbackAnswer(answered)!.AnswerCount);
    }

    [Fact]
    public async Task A_document_carries_its_file_which_the_channel_reads()
    {
        await using var bot = await StartAsync();
        var probe = bot.Get<ProbeHandler>();
        bot.User(2704);
        byte[] content = [1, 2, 3, 4, 5];

        var id = bot.Emulator.SendDocument(2704, "ghi-chu.txt", content, "text/plain");

        var (document, read) = await probe.NextAsync<(InboundDocument, byte[])>();
        Assert.False(string.IsNullOrEmpty(document.FileId));
        Assert.Equal("ghi-chu.txt", document.FileName);
        Assert.Equal(content.Length, document.FileSize);
        Assert.Equal("text/plain", document.MimeType);
        Assert.Equal(id, document.MessageId);
        Assert.Equal(content, read);
    }

    [Fact]
    public async Task A_poll_answer_carries_the_person_the_poll_and_the_options()
    {
        await using var bot = await StartAsync();
        var probe = bot.Get<ProbeHandler>();
        bot.User(2705);
        bot.Emulator.SendText(2705, "/probepoll poll");
        var sent = await probe.NextAsync<SendResult>();
        Assert.True(sent.Ok);

        bot.Emulator.AnswerPoll(2705, sent.PollId!, 1);

        var answer = await probe.NextAsync<InboundQuizAnswer>();
        Assert.Equal((2705L, sent.PollId), (answer.PersonId, answer.PollId));
        Assert.Equal(1, Assert.Single(answer.OptionIds));
    }

    [Fact]
    public async Task Blocking_and_unblocking_the_bot_are_membership_changes_of_the_person()
    {
        await using var bot = await StartAsync();
        var probe = bot.Get<ProbeHandler>();
        bot.User(2706);

        bot.Emulator.Block(2706);
        Assert.Equal(new MembershipChange(2706, Blocked: true), await probe.NextAsync<MembershipChange>());

        bot.Emulator.Unblock(2706);
        Assert.Equal(new MembershipChange(2706, Blocked: false), await probe.NextAsync<MembershipChange>());
    }
}

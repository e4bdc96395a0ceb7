using Directive920Bot.Channels;
using Directive920Bot.Localization;
using Directive920Bot.Telegram;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Directive920Bot.Tests.Telegram;

public sealed class HandlerFailureTests
{
    /// <summary>A real feature handler that fails, standing in for any bug in a feature.</summary>
    private sealed class FailingHandler(CallbackKeyStore keys) : ICommandHandler, ICallbackHandler
    {
        public IReadOnlyList<CommandSpec> Commands { get; } = [new("boom", new Loc("nổ", "boom"), CommandAccess.Anyone, InMenu: false), new("boombutton", new Loc("nút", "button"), CommandAccess.Anyone, InMenu: false)];

        public string Feature => "boom";

        public async Task HandleAsync(BotContext context, CommandSpec command, string arguments, InboundText message, CancellationToken ct)
        {
            if (command.Name == "boombutton")
            {
                await context.ReplyAsync(new OutboundMessage("press").WithButtons([new OutboundButton("💥", keys.Issue(context.PersonId, "boom.press"))]), ct);
                return;
            }

            throw new InvalidOperationException("handler bug");
        }

        public Task<CallbackReply> HandleAsync(BotContext context, CallbackKey key, ButtonPress press, CancellationToken ct) =>
            throw new InvalidOperationException("callback bug");
    }

    private static Task<BotHarness> StartAsync() => BotHarness.StartAsync(services: s =>
    {
        s.AddSingleton<FailingHandler>();
        s.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<FailingHandler>());
        s.AddSingleton<ICallbackHandler>(sp => sp.GetRequiredService<FailingHandler>());
    });

    [Fact]
    public async Task A_handler_exception_does_not_stop_polling()
    {
        await using var bot = await StartAsync();
        bot.User(2601);

        bot.Emulator.SendText(2601, "/boom");
        var reply = await bot.SayAsync(2601, "/help");

        Assert.Contains("/start", reply.Text, StringComparison.Ordinal);
        var inbox = bot.Get<UpdateInbox>();
        await bot.Emulator.WaitUntilAsync(() => inbox.Pending().Count == 0, BotHarness.Wait);
    }

    [Fact]
    public async Task A_failing_callback_is_still_answered_exactly_once_with_an_apology()
    {
        await using var bot = await StartAsync();
        bot.User(2602);
        var message = await bot.SayAsync(2602, "/boombutton");

        var id = await bot.PressAsync(2602, message, "💥");

        var answer = bot.Emulator.GetCallbackAnswer(id)!;
        Assert.Equal(1, answer.AnswerCount);
        Assert.Contains("lỗi", answer.Text, StringComparison.Ordinal);
    }
}

using System.Collections.Concurrent;
using Directive920Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Directive920Bot.Tests.Telegram;

/// <summary>
/// The bot token is part of every Bot API address (/bot&lt;token&gt;/method). No log line, at any level, may carry it:
/// the HTTP client's request logging wrote those addresses at Information level.
/// </summary>
public sealed class TokenNeverLoggedTests
{
    [Fact]
    public async Task Polling_replying_and_answering_a_button_log_nothing_that_contains_the_token()
    {
        var logs = new CapturingLoggerProvider();
        await using var bot = await BotHarness.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(logs));
        bot.User(2901);

        var welcome = await bot.SayAsync(2901, "/start");
        await bot.PressAsync(2901, welcome, "Không đồng ý");
        await bot.SayAsync(2901, "/help");

        Assert.NotEmpty(logs.Lines);
        var secret = bot.Emulator.Token.Split(':')[1];
        Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> lines = new();

        public IEnumerable<string> Lines => lines;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                lines.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Directive920Bot.Reliability.Infrastructure;

/// <summary>Keeps every log entry of level Error or above, and every entry that carries an exception.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> problems = new();

    public IReadOnlyList<string> Problems => [.. problems];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, problems);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> problems) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error || exception is not null)
            {
                problems.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}

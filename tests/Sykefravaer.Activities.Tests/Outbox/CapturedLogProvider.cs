using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sykefravaer.Activities.Tests.Outbox;

/// <summary>Keeps every line a host logged, from any category, for tests that search them.</summary>
internal sealed class CapturedLogProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> entries = new();

    public IReadOnlyList<string> Messages => entries.Select(e => e.Message).ToList();

    public int Count(LogLevel level) => entries.Count(e => e.Level == level);

    public ILogger CreateLogger(string categoryName) => new Logger(entries);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, formatter(state, exception)));
    }
}

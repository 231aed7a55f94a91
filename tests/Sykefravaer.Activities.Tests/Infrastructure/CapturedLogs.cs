using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sykefravaer.Activities.Tests.Infrastructure;

/// <summary>A logger that keeps every formatted line, for tests that read what a service logged.</summary>
internal sealed class CapturedLogs<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> entries = new();

    public IReadOnlyList<string> Messages => entries.Select(e => e.Message).ToList();

    public int Count(LogLevel level) => entries.Count(e => e.Level == level);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        entries.Enqueue((logLevel, formatter(state, exception)));
}

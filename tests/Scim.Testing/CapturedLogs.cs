using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Scim.Testing;

/// <summary>
/// A logger provider that keeps every line the server writes (category, level, formatted message), added with
/// <c>TestServices = s =&gt; s.AddSingleton&lt;ILoggerProvider&gt;(logs)</c>.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLine> lines = new();

    /// <summary>The lines written so far, oldest first.</summary>
    public IReadOnlyList<CapturedLine> Lines => [.. lines];

    /// <summary>
    /// The lines once <paramref name="until"/> holds for them (at most 30 s): the request line is written after the
    /// response has reached the client.
    /// </summary>
    public async Task<IReadOnlyList<CapturedLine>> WaitAsync(Func<IReadOnlyList<CapturedLine>, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!until(Lines) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return Lines;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new CapturedLine(category, logLevel, formatter(state, exception)));
    }
}

/// <summary>One captured log line.</summary>
public sealed record CapturedLine(string Category, LogLevel Level, string Message);

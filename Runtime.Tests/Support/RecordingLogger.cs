using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TypedMail.Runtime.Tests.Support;

/// <summary>An ILogger that keeps every formatted line, to check what the runtime logs (and never logs).</summary>
internal sealed class RecordingLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception)));
}

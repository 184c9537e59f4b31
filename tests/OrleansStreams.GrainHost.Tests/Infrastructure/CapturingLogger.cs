using Microsoft.Extensions.Logging;

namespace OrleansStreams.GrainHost.Tests;

public sealed class CapturingLogger(CapturingLoggerProvider provider) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => provider.Entries.Enqueue((logLevel, formatter(state, exception), exception));
}

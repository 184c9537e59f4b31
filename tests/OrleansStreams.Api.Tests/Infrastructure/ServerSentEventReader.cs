using System.Text;

namespace OrleansStreams.Api.Tests.Infrastructure;

/// <summary>Reads events from an open text/event-stream response, as the WHATWG parsing rules describe.</summary>
public sealed class ServerSentEventReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>The next event with data; fails with what was awaited when none arrives in time.</summary>
    public async Task<ServerSentEvent> NextAsync(TimeSpan timeout, string awaited)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return await ReadEventAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"No server-sent event within {timeout.TotalSeconds} s while waiting for {awaited}.");
        }
    }

    private async Task<ServerSentEvent> ReadEventAsync(CancellationToken cancellationToken)
    {
        var type = "message";
        string? id = null;
        long? retry = null;
        var data = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (data.Count > 0) return new ServerSentEvent(type, id, string.Join('\n', data), retry);
                type = "message";
                continue;
            }
            if (line[0] == ':') continue;
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' ')) value = value[1..];
            switch (field)
            {
                case "event": type = value; break;
                case "data": data.Add(value); break;
                case "id": id = value; break;
                case "retry" when long.TryParse(value, out var ms): retry = ms; break;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}

using System.Text;
using OrleansStreams.Benchmarks.Resp;

namespace OrleansStreams.Benchmarks.Load;

/// <summary>Counts error replies across connections and keeps the first one's text for the report.</summary>
public sealed class ErrorCapture
{
    private string? _first;
    private long _count;

    public string? First => _first;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Scans a slice of whole replies and records any top-level error among them.</summary>
    public void Check(ReadOnlySpan<byte> replies)
    {
        var reader = new RespReader(replies);
        while (reader.Position < replies.Length)
        {
            var start = reader.Position;
            if (!reader.TrySkip(out var isError)) return;
            if (!isError) continue;
            Interlocked.Increment(ref _count);
            if (_first is null)
            {
                var line = replies[(start + 1)..reader.Position].TrimEnd("\r\n"u8);
                Interlocked.CompareExchange(ref _first, Encoding.Latin1.GetString(line), null);
            }
        }
    }

    public void Record(string error)
    {
        Interlocked.Increment(ref _count);
        Interlocked.CompareExchange(ref _first, error, null);
    }
}

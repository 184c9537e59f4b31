using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace OrleansStreams.Platform.Tests.Telemetry;

/// <summary>An in-process span exporter that lets a test wait for the span it expects instead of sleeping.</summary>
public sealed class SpanCollector : BaseExporter<Activity>
{
    private readonly Lock _gate = new();
    private readonly List<Activity> _spans = [];
    private readonly List<(Func<Activity, bool> Match, TaskCompletionSource<Activity> Found)> _waiters = [];

    public Resource? Resource { get; private set; }

    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_gate) return [.. _spans];
        }
    }

    public override ExportResult Export(in Batch<Activity> batch)
    {
        Resource ??= ParentProvider?.GetResource();
        foreach (var span in batch)
        {
            lock (_gate)
            {
                _spans.Add(span);
                for (var i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (!_waiters[i].Match(span)) continue;
                    _waiters[i].Found.TrySetResult(span);
                    _waiters.RemoveAt(i);
                }
            }
        }

        return ExportResult.Success;
    }

    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, string what, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_spans.FirstOrDefault(match) is { } existing) return existing;
            _waiters.Add((match, found));
        }

        try
        {
            return await found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No exported span {what} within {timeout.TotalSeconds} s; exported: {string.Join(", ", Spans.Select(s => $"{s.Source.Name}:{s.DisplayName}[{string.Join(",", s.TagObjects.Select(t => t.Key + "=" + t.Value))}]"))}");
        }
    }
}

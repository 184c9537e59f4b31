using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;

namespace OrleansStreams.Platform.Tests.Telemetry;

/// <summary>An in-process log exporter: keeps the formatted messages and the logger provider's resource.</summary>
public sealed class LogCollector : BaseExporter<LogRecord>
{
    private readonly Lock _gate = new();
    private readonly List<string> _messages = [];

    public Resource? Resource { get; private set; }

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_gate) return [.. _messages];
        }
    }

    public override ExportResult Export(in Batch<LogRecord> batch)
    {
        Resource ??= ParentProvider?.GetResource();
        foreach (var record in batch)
        {
            lock (_gate) _messages.Add(record.FormattedMessage ?? record.Body ?? "");
        }

        return ExportResult.Success;
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansStreams.Client;

/// <summary>
/// Metrics and spans of the client and its consumer service, on the meter and activity source "OrleansStreams.Client".
/// Commands are tagged by name and outcome, never by key, so the number of series stays small.
/// </summary>
internal static class ClientInstruments
{
    public const string Name = "OrleansStreams.Client";

    /// <summary>One client span per command (when something listens), so a trace shows the call from the caller's side.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Commands = Meter.CreateCounter<long>("orleansstreams.client.commands", description: "Commands completed, by name and outcome");
    private static readonly Histogram<double> CommandDuration = Meter.CreateHistogram<double>("orleansstreams.client.command.duration", unit: "s", description: "Time from call to reply, blocking reads included");
    private static readonly Counter<long> ConnectionsOpened = Meter.CreateCounter<long>("orleansstreams.client.connections.opened", description: "Connections established (first connections and reconnections)");
    private static readonly Counter<long> ConnectFailures = Meter.CreateCounter<long>("orleansstreams.client.connect.failures", description: "Connection attempts that failed and will be retried with backoff");
    private static readonly Counter<long> EntriesHandled = Meter.CreateCounter<long>("orleansstreams.client.consumer.entries", description: "Entries a consumer service finished, by outcome: acknowledged, failed (left pending) or dropped");
    private static readonly Counter<long> HandlerFailures = Meter.CreateCounter<long>("orleansstreams.client.consumer.handler.failures", description: "Handler attempts that threw");

    public static void CommandCompleted(string command, string outcome, long startTimestamp)
    {
        var name = new KeyValuePair<string, object?>("command", command);
        Commands.Add(1, name, new KeyValuePair<string, object?>("outcome", outcome));
        CommandDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, name);
    }

    public static Activity? StartCommand(string command, StreamsClientOptions options)
    {
        var activity = ActivitySource.StartActivity(command, ActivityKind.Client);
        if (activity is null) return null;
        activity.SetTag("db.system.name", "redis");
        activity.SetTag("db.operation.name", command);
        activity.SetTag("server.address", options.Host);
        activity.SetTag("server.port", options.Port);
        return activity;
    }

    public static void Connected() => ConnectionsOpened.Add(1);

    public static void ConnectFailed() => ConnectFailures.Add(1);

    public static void EntryFinished(string group, string outcome) =>
        EntriesHandled.Add(1, new KeyValuePair<string, object?>("group", group), new KeyValuePair<string, object?>("outcome", outcome));

    public static void HandlerFailed(string group) => HandlerFailures.Add(1, new KeyValuePair<string, object?>("group", group));
}

namespace OrleansStreams.Platform.Tests.Telemetry;

/// <summary>
/// Meters and activity sources are matched by name across the whole process, so these tests run alone: no other
/// silo's measurements or spans can reach their collectors.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}

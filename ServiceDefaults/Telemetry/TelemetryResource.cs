using System.Reflection;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Resources;

namespace OrleansStreams.ServiceDefaults.Telemetry;

/// <summary>
/// The one resource (service.name, service.instance.id, service.version, ...) shared by logs, metrics and
/// traces. OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over the defaults, as the SDK specifies.
/// </summary>
public sealed class TelemetryResource
{
    private TelemetryResource(string serviceName, string instanceId, string version)
    {
        ServiceName = serviceName;
        InstanceId = instanceId;
        Version = version;
    }

    public string ServiceName { get; }

    public string InstanceId { get; }

    public string Version { get; }

    public static TelemetryResource FromConfiguration(IConfiguration configuration, string defaultServiceName)
    {
        var name = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : defaultServiceName;
        var version = Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        return new TelemetryResource(name, $"{Environment.MachineName}-{Environment.ProcessId}", version);
    }

    /// <summary>A fresh builder each time: the SDK's providers each take ownership of the one they are given.</summary>
    public ResourceBuilder CreateBuilder()
        => ResourceBuilder.CreateDefault()
            .AddService(ServiceName, serviceVersion: Version, serviceInstanceId: InstanceId)
            // After AddService so OTEL_RESOURCE_ATTRIBUTES (what the AppHost and Azure inject) can override the instance id.
            .AddEnvironmentVariableDetector();
}

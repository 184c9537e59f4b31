using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace OrleansStreams.ServiceDefaults.Telemetry;

/// <summary>
/// Keeps probe requests (/health, /alive) out of the traces: the AppHost and Container Apps poll them every few
/// seconds. Without the instrumentation package's filter, clearing the recorded flag makes the exporter skip them.
/// </summary>
internal static class HealthProbeTraceFilter
{
    public static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (IsProbe(context.Request.Path) && Activity.Current is { } activity)
        {
            activity.IsAllDataRequested = false;
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }

        return next(context);
    }
}

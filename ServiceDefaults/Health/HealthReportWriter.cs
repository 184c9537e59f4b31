using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansStreams.ServiceDefaults.Health;

/// <summary>
/// Plain-text health reply: the status on the first line (what probes and the AppHost read), then one line per
/// check with its description, e.g. "storage: Healthy (ready: storage reachable (sqlite))".
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder().Append(report.Status).Append('\n');
        foreach (var (name, entry) in report.Entries)
        {
            text.Append(name).Append(": ").Append(entry.Status);
            if (entry.Description is { Length: > 0 } description) text.Append(" (").Append(description).Append(')');
            text.Append('\n');
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString());
    }
}

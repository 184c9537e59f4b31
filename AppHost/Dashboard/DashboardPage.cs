using System.Net;
using System.Text;

namespace OrleansStreams.AppHost.Dashboard;

/// <summary>The resource page: state, process id, URLs and the tail of each child's log; reloads itself every 2 s.</summary>
public static class DashboardPage
{
    public static string Render(IReadOnlyList<ResourceView> resources, string? otlp)
    {
        var html = new StringBuilder("""
            <!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
            <title>OrleansStreams AppHost</title>
            <style>body{font-family:sans-serif;margin:1.5rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
            pre{background:#111;color:#ddd;padding:.6rem;max-height:16rem;overflow:auto;font-size:.8rem}</style></head><body>
            <h1>OrleansStreams AppHost</h1>
            """);
        html.Append("<p>Telemetry: ").Append(otlp is null ? "not exported (start with --otlp &lt;endpoint&gt;)" : "OTLP to " + Encode(otlp)).Append("</p>");
        html.Append("<table><tr><th>resource</th><th>state</th><th>pid</th><th>urls</th></tr>");
        foreach (var resource in resources)
        {
            html.Append("<tr><td>").Append(Encode(resource.Name)).Append("</td><td>").Append(Encode(resource.State))
                .Append(resource.ExitCode is { } code ? $" (exit {code})" : "").Append("</td><td>").Append(resource.ProcessId?.ToString() ?? "").Append("</td><td>");
            foreach (var url in resource.Urls)
            {
                var link = url.Url.StartsWith("http", StringComparison.Ordinal) ? $"<a href=\"{Encode(url.Url)}\">{Encode(url.Url)}</a>" : Encode(url.Url);
                html.Append(Encode(url.Label)).Append(": ").Append(link).Append("<br>");
            }

            html.Append("</td></tr>");
        }

        html.Append("</table>");
        foreach (var resource in resources)
        {
            html.Append("<h2>").Append(Encode(resource.Name)).Append(" log</h2><pre>");
            foreach (var line in resource.RecentLines) html.Append(Encode(line)).Append('\n');
            html.Append("</pre>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

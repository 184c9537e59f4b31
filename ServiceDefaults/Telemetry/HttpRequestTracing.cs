using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrleansStreams.ServiceDefaults.Telemetry;

/// <summary>
/// What the ASP.NET Core instrumentation package would do to the framework's request activity, which carries no
/// tags of its own: name it "{method} {route}", tag it with HTTP semantic conventions, and keep probe requests
/// (/health, /alive — polled every few seconds by the AppHost and Container Apps) out of the traces by clearing
/// the recorded flag, which makes the exporters skip them.
/// </summary>
internal static class HttpRequestTracing
{
    public static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (Activity.Current is not { Source.Name: "Microsoft.AspNetCore" } activity)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (IsProbe(context.Request.Path))
        {
            activity.IsAllDataRequested = false;
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            await next(context).ConfigureAwait(false);
            return;
        }

        var request = context.Request;
        activity.SetTag("http.request.method", request.Method);
        activity.SetTag("url.path", request.Path.Value);
        activity.SetTag("url.scheme", request.Scheme);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            if (route is not null) activity.SetTag("http.route", route);
            activity.DisplayName = route is null ? request.Method : $"{request.Method} {route}";
            activity.SetTag("http.response.status_code", context.Response.StatusCode);
            if (context.Response.StatusCode >= 500) activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}

namespace OrleansStreams.Api.Streams;

/// <summary>
/// When an event stream ends: the caller goes away, or the API shuts down (an open tail must not hold up a
/// graceful stop until the host's shutdown timeout).
/// </summary>
public static class EventStreamLifetime
{
    public static CancellationToken For(HttpContext httpContext)
    {
        var stopping = httpContext.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var linked = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
        httpContext.Response.RegisterForDispose(linked);
        return linked.Token;
    }
}

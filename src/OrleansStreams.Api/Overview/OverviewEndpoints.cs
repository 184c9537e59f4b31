using Microsoft.AspNetCore.Http.HttpResults;

namespace OrleansStreams.Api.Overview;

public static class OverviewEndpoints
{
    private const int DefaultLimit = 200;

    public static RouteGroupBuilder MapOverviewEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/overview", OverviewAsync).WithTags("Dashboard")
            .WithSummary("Streams, groups (lag, pending, consumers, oldest pending age) and dead-letter streams in one call.");
        return api;
    }

    private static async Task<Ok<OverviewResponse>> OverviewAsync(OverviewBuilder builder, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await builder.BuildAsync(Math.Clamp(limit ?? DefaultLimit, 1, 10_000), cancellationToken));
}

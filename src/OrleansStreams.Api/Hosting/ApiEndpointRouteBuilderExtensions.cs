using OrleansStreams.Api.Authentication;
using OrleansStreams.Api.Groups;
using OrleansStreams.Api.Overview;
using OrleansStreams.Api.Streams;

namespace OrleansStreams.Api.Hosting;

public static class ApiEndpointRouteBuilderExtensions
{
    /// <summary>Every endpoint under /api, all behind the API's authorization policy.</summary>
    public static IEndpointRouteBuilder MapApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(ApiAuthenticationServiceCollectionExtensions.PolicyName);
        api.MapStreamEndpoints();
        api.MapGroupEndpoints();
        api.MapOverviewEndpoints();
        return endpoints;
    }
}

using Microsoft.AspNetCore.Mvc;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Problems;

/// <summary>Problem details for what the silo client throws.</summary>
public static class SiloClientErrors
{
    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        StreamsServerException server => SiloProblems.FromSiloError(server.Message),
        StreamsConnectionException connection => SiloProblems.SiloUnavailable(connection.Message),
        StreamsTimeoutException timeout => new ProblemDetails
        {
            Status = StatusCodes.Status504GatewayTimeout,
            Title = "The silo did not answer in time",
            Detail = timeout.Message,
        },
        _ => null,
    };
}

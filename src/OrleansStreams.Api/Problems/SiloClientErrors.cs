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
        // No connection could be made in time: the silo is down or unreachable rather than slow.
        StreamsTimeoutException { InnerException: StreamsConnectionException or System.Net.Sockets.SocketException } timeout => SiloProblems.SiloUnavailable(timeout.Message),
        StreamsTimeoutException timeout => new ProblemDetails
        {
            Status = StatusCodes.Status504GatewayTimeout,
            Title = "The silo did not answer in time",
            Detail = timeout.Message,
        },
        _ => null,
    };
}

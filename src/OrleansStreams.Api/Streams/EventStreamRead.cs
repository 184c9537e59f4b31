using Microsoft.AspNetCore.Mvc;
using OrleansStreams.Api.Problems;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Streams;

/// <summary>One read of an event stream: its entries, nothing once the caller has gone, or the error that ends the stream.</summary>
public readonly record struct EventStreamRead(IReadOnlyList<StreamEntry> Entries, ErrorEvent? Error)
{
    public const string ErrorEventName = "error";

    public static async Task<EventStreamRead> RunAsync(Func<Task<IReadOnlyList<StreamEntry>>> read, CancellationToken cancellationToken)
    {
        try
        {
            return new EventStreamRead(await read(), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new EventStreamRead([], null);
        }
        catch (Exception exception) when (SiloClientErrors.ToProblem(exception) is { } problem)
        {
            return new EventStreamRead([], ToEvent(problem));
        }
    }

    private static ErrorEvent ToEvent(ProblemDetails problem) => new(
        problem.Status ?? StatusCodes.Status500InternalServerError,
        problem.Title,
        problem.Detail,
        problem.Extensions.TryGetValue(SiloProblems.CodeMember, out var code) ? code as string : null);
}

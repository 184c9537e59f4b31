using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OrleansStreams.Api.Observability;

namespace OrleansStreams.Api.Problems;

/// <summary>Turns what endpoints throw into problem details: the silo's errors keep their words.</summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ApiInstruments instruments, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.RequestAborted.IsCancellationRequested) return true;
        var problem = ToProblem(exception);
        if (problem is null) return false;
        if (problem.Extensions.TryGetValue(SiloProblems.CodeMember, out var code) && code is string siloCode)
        {
            instruments.SiloErrors.Add(1, ApiInstruments.Code(siloCode));
        }
        if (problem.Status >= StatusCodes.Status500InternalServerError) LogSiloFailure(logger, problem.Status.Value, exception.Message);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        ApiRequestException request => SiloProblems.BadRequest(request.Message),
        BadHttpRequestException { InnerException: JsonException json } => SiloProblems.BadRequest(json.Message),
        BadHttpRequestException bad => SiloProblems.BadRequest(bad.Message),
        _ => SiloClientErrors.ToProblem(exception),
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Request failed with {Status}: {Error}")]
    private static partial void LogSiloFailure(ILogger logger, int status, string error);
}

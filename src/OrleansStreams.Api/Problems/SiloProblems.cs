using Microsoft.AspNetCore.Mvc;

namespace OrleansStreams.Api.Problems;

/// <summary>RFC 7807 problem details that carry the silo's error text word for word.</summary>
public static class SiloProblems
{
    /// <summary>Extension member with the silo's full error reply.</summary>
    public const string SiloErrorMember = "siloError";

    /// <summary>Extension member with the error's first word (ERR, NOGROUP, VERSIONMISMATCH).</summary>
    public const string CodeMember = "code";

    /// <summary>Extension member with the stream's current version, on a version mismatch.</summary>
    public const string CurrentVersionMember = "currentVersion";

    public static ProblemDetails FromSiloError(string error, long? currentVersion = null)
    {
        var kind = SiloErrorClassifier.Classify(error);
        var code = SiloErrorClassifier.CodeOf(error);
        var problem = new ProblemDetails
        {
            Status = SiloErrorClassifier.StatusCodeOf(kind),
            Title = TitleOf(kind, code),
            Detail = error,
        };
        problem.Extensions[CodeMember] = code;
        problem.Extensions[SiloErrorMember] = error;
        if (currentVersion is { } current) problem.Extensions[CurrentVersionMember] = current;
        return problem;
    }

    public static ProblemDetails BadRequest(string detail) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is not valid",
        Detail = detail,
    };

    public static ProblemDetails SiloUnavailable(string detail) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "The silo cannot be reached",
        Detail = detail,
    };

    private static string TitleOf(SiloErrorKind kind, string code) => (kind, code) switch
    {
        (SiloErrorKind.Conflict, "VERSIONMISMATCH") => "The stream is not at the expected version",
        (SiloErrorKind.Conflict, "BUSYGROUP") => "The consumer group already exists",
        (SiloErrorKind.Conflict, _) => "The key holds another type",
        (SiloErrorKind.NotFound, "NOGROUP") => "No such stream or consumer group",
        (SiloErrorKind.NotFound, _) => "No such stream",
        (SiloErrorKind.NotImplemented, _) => "The silo does not support this command",
        (SiloErrorKind.BadGateway, _) => "The silo refused the API's credentials",
        _ => "The silo rejected the request",
    };
}

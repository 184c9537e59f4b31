namespace OrleansStreams.Api.Problems;

/// <summary>Maps a silo error reply (Redis's words) to an HTTP status.</summary>
public static class SiloErrorClassifier
{
    public static SiloErrorKind Classify(string error)
    {
        var code = CodeOf(error);
        return code switch
        {
            "VERSIONMISMATCH" or "BUSYGROUP" or "WRONGTYPE" => SiloErrorKind.Conflict,
            "NOGROUP" => SiloErrorKind.NotFound,
            "NOAUTH" or "WRONGPASS" or "NOPERM" => SiloErrorKind.BadGateway,
            _ when error.StartsWith("ERR no such key", StringComparison.Ordinal) => SiloErrorKind.NotFound,
            _ when error.StartsWith("ERR unknown command", StringComparison.Ordinal) => SiloErrorKind.NotImplemented,
            _ => SiloErrorKind.BadRequest,
        };
    }

    public static int StatusCodeOf(SiloErrorKind kind) => kind switch
    {
        SiloErrorKind.NotFound => StatusCodes.Status404NotFound,
        SiloErrorKind.Conflict => StatusCodes.Status409Conflict,
        SiloErrorKind.NotImplemented => StatusCodes.Status501NotImplemented,
        SiloErrorKind.BadGateway => StatusCodes.Status502BadGateway,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The error's first word, as Redis uses it for a machine-readable code (ERR, NOGROUP, VERSIONMISMATCH).</summary>
    public static string CodeOf(string error)
    {
        var space = error.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? error : error[..space];
    }
}

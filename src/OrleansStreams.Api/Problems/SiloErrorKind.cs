namespace OrleansStreams.Api.Problems;

/// <summary>What a silo error means for an HTTP caller, read from the error's first word and text.</summary>
public enum SiloErrorKind
{
    /// <summary>The request itself is wrong (syntax, range, an ID that cannot be used): 400.</summary>
    BadRequest,

    /// <summary>The stream, group or consumer does not exist: 404.</summary>
    NotFound,

    /// <summary>The request clashes with the current state (version mismatch, group exists, wrong type): 409.</summary>
    Conflict,

    /// <summary>The silo does not know the command (an older silo): 501.</summary>
    NotImplemented,

    /// <summary>The silo refused the API's own credentials: the API is misconfigured, 502.</summary>
    BadGateway,
}

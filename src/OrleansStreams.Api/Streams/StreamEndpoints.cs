using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansStreams.Api.Entries;
using OrleansStreams.Api.Hosting;
using OrleansStreams.Api.Observability;
using OrleansStreams.Api.Problems;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Streams;

/// <summary>/api/streams: append, range, trim, info, delete, and the live tail.</summary>
public static class StreamEndpoints
{
    private const int DefaultListLimit = 1000;

    public static RouteGroupBuilder MapStreamEndpoints(this RouteGroupBuilder api)
    {
        var streams = api.MapGroup("/streams").WithTags("Streams");
        streams.MapGet("/", ListAsync).WithSummary("List streams (SCAN TYPE stream), optionally matching a glob pattern.");
        streams.MapGet("/{key}", InfoAsync).WithSummary("Stream info (XINFO STREAM); version is the entries-added counter.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        streams.MapDelete("/{key}", DeleteAsync).WithSummary("Delete the stream and its groups (DEL).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        streams.MapPost("/{key}/entries", AppendAsync).WithSummary("Append an entry (XADD), or with expectedVersion only at that version (XADDIF).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        streams.MapPost("/{key}/entries/batch", AppendBatchAsync)
            .WithSummary("Append several entries atomically, only while the stream is at expectedVersion (XADDMULTIIF).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        streams.MapGet("/{key}/entries", RangeAsync).WithSummary("Entries from start to end (XRANGE); reverse=true lists newest first (XREVRANGE).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        streams.MapDelete("/{key}/entries/{id}", DeleteEntryAsync).WithSummary("Delete one entry (XDEL).");
        streams.MapPost("/{key}/trim", TrimAsync).WithSummary("Trim by MAXLEN or MINID (XTRIM).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        streams.MapGet("/{key}/tail", TailAsync)
            .WithSummary("Live tail as server-sent events: one 'entry' event per appended entry, its id the entry ID.")
            .WithDescription("from is an entry ID or $ (default: only new entries). A reconnecting EventSource resumes after its Last-Event-ID.")
            .Produces<TailEvent>(StatusCodes.Status200OK, "text/event-stream");
        return streams;
    }

    private static async Task<Ok<StreamListResponse>> ListAsync(StreamsClient client, string? match, int? limit, CancellationToken cancellationToken)
    {
        var names = await StreamDirectory.ListAsync(client, match, Math.Clamp(limit ?? DefaultListLimit, 1, 100_000), cancellationToken);
        return TypedResults.Ok(new StreamListResponse(names));
    }

    private static async Task<Ok<StreamInfoResponse>> InfoAsync(string key, StreamsClient client, string? encoding, CancellationToken cancellationToken)
    {
        var stream = RouteKey.Decode(key);
        var info = await client.XInfoStreamAsync(stream, cancellationToken);
        return TypedResults.Ok(StreamInfoResponse.From(stream, info, FieldEncodingQuery.Parse(encoding)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string key, StreamsClient client, CancellationToken cancellationToken)
    {
        var stream = RouteKey.Decode(key);
        // DEL removes a key of any type: the API's streams resource deletes only streams.
        var type = await client.ExecuteAsync(["TYPE", stream], cancellationToken);
        if (type.IsError) throw new StreamsServerException(type.AsString() ?? "ERR");
        var typeName = type.AsString();
        if (typeName == "none") return NoSuchStream(stream);
        if (typeName != "stream")
        {
            return TypedResults.Problem(SiloProblems.FromSiloError("WRONGTYPE Operation against a key holding the wrong kind of value"));
        }
        return await client.DelAsync(stream, cancellationToken) == 0 ? NoSuchStream(stream) : TypedResults.NoContent();
    }

    private static async Task<Results<Created<AppendResponse>, ProblemHttpResult>> AppendAsync(
        string key, AppendRequest request, StreamsClient client, ApiInstruments instruments, CancellationToken cancellationToken)
    {
        var stream = RouteKey.Decode(key);
        var fields = FieldCodec.Decode(request.Fields, request.Encoding);
        var trim = request.Trim?.ToStreamTrim();
        var id = request.Id ?? "*";
        string? appended;
        if (request.ExpectedVersion is { } version)
        {
            var result = await client.XAddIfAsync(stream, version, fields, id, trim, request.NoMkStream, cancellationToken);
            if (!result.Succeeded) return VersionMismatch(result, instruments);
            appended = result.Ids.Count == 0 ? null : result.Ids[0];
        }
        else
        {
            appended = await client.XAddAsync(stream, fields, id, trim, request.NoMkStream, cancellationToken);
        }
        if (appended is null) return NoSuchStream(stream);
        return TypedResults.Created(EntryLocation(stream, appended), new AppendResponse(stream, appended));
    }

    private static async Task<Results<Created<AppendBatchResponse>, ProblemHttpResult>> AppendBatchAsync(
        string key, AppendBatchRequest request, StreamsClient client, ApiInstruments instruments, CancellationToken cancellationToken)
    {
        var stream = RouteKey.Decode(key);
        if (request.Entries is not { Count: > 0 } entries) throw new ApiRequestException("A batch needs at least one entry.");
        var decoded = new List<IReadOnlyList<StreamField>>(entries.Count);
        foreach (var entry in entries) decoded.Add(FieldCodec.Decode(entry.Fields, entry.Encoding));
        var result = await client.XAddMultiIfAsync(stream, request.ExpectedVersion, decoded, request.Trim?.ToStreamTrim(), request.NoMkStream, cancellationToken);
        if (!result.Succeeded) return VersionMismatch(result, instruments);
        if (result.Ids.Count == 0) return NoSuchStream(stream);
        return TypedResults.Created(EntryLocation(stream, result.Ids[0]), new AppendBatchResponse(stream, result.Ids));
    }

    private static string EntryLocation(string stream, string id) => $"/api/streams/{Uri.EscapeDataString(stream)}/entries?start={id}&end={id}";

    private static ProblemHttpResult VersionMismatch(ConditionalAppendResult result, ApiInstruments instruments)
    {
        var problem = SiloProblems.FromSiloError(result.Error ?? "VERSIONMISMATCH", result.CurrentVersion);
        instruments.SiloErrors.Add(1, ApiInstruments.Code(SiloErrorClassifier.CodeOf(problem.Detail ?? "")));
        return TypedResults.Problem(problem);
    }

    private static async Task<Ok<RangeResponse>> RangeAsync(
        string key, StreamsClient client, string? start, string? end, long? count, bool? reverse, string? encoding, CancellationToken cancellationToken)
    {
        var stream = RouteKey.Decode(key);
        if (count is < 0) throw new ApiRequestException("count must not be negative.");
        var low = start ?? "-";
        var high = end ?? "+";
        var entries = reverse == true
            ? await client.XRevRangeAsync(stream, high, low, count, cancellationToken)
            : await client.XRangeAsync(stream, low, high, count, cancellationToken);
        return TypedResults.Ok(new RangeResponse(stream, EntryResponse.From(entries, FieldEncodingQuery.Parse(encoding))));
    }

    private static async Task<Ok<DeleteEntriesResponse>> DeleteEntryAsync(string key, string id, StreamsClient client, CancellationToken cancellationToken)
    {
        var stream = RouteKey.Decode(key);
        return TypedResults.Ok(new DeleteEntriesResponse(stream, await client.XDelAsync(stream, [id], cancellationToken)));
    }

    private static async Task<Ok<TrimResponse>> TrimAsync(string key, TrimRequest request, StreamsClient client, CancellationToken cancellationToken)
    {
        var stream = RouteKey.Decode(key);
        return TypedResults.Ok(new TrimResponse(stream, await client.XTrimAsync(stream, request.ToStreamTrim(), cancellationToken)));
    }

    private static async Task<ServerSentEventsResult<TailEvent>> TailAsync(
        string key, StreamsClient client, ApiInstruments instruments, string? from, string? encoding,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventId, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var stream = RouteKey.Decode(key);
        var fieldEncoding = FieldEncodingQuery.Parse(encoding);
        var after = await StreamTail.ResolveStartAsync(client, stream, lastEventId ?? from ?? "$", cancellationToken);
        var first = await StreamTail.ReadFirstAsync(client, stream, after, cancellationToken);
        httpContext.Response.Headers.CacheControl = "no-cache";
        return TypedResults.ServerSentEvents(StreamTail.FollowAsync(client, instruments, stream, after, first, fieldEncoding, EventStreamLifetime.For(httpContext)));
    }

    internal static ProblemHttpResult NoSuchStream(string stream) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No such stream",
        Detail = $"The stream '{stream}' does not exist.",
    });
}

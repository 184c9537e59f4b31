using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansStreams.Api.Entries;
using OrleansStreams.Api.Hosting;
using OrleansStreams.Api.Observability;
using OrleansStreams.Api.Problems;
using OrleansStreams.Api.Streams;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Groups;

/// <summary>/api/streams/{key}/groups: consumer groups, their reads, acknowledgements, claims, pending lists and policies.</summary>
public static class GroupEndpoints
{
    private const long DefaultPendingCount = 100;

    private const long DefaultConsumeCount = 10;

    public static RouteGroupBuilder MapGroupEndpoints(this RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/streams/{key}/groups").WithTags("Consumer groups");
        groups.MapGet("/", ListAsync).WithSummary("The stream's groups (XINFO GROUPS).").ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapPost("/", CreateAsync).WithSummary("Create a group (XGROUP CREATE).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        groups.MapDelete("/{group}", DestroyAsync).WithSummary("Destroy a group (XGROUP DESTROY).").ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapGet("/{group}/consumers", ConsumersAsync).WithSummary("The group's consumers (XINFO CONSUMERS).").ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapPost("/{group}/read", ReadAsync).WithSummary("Read as a consumer (XREADGROUP); entries stay pending until acknowledged.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapPost("/{group}/ack", AckAsync).WithSummary("Acknowledge entries (XACK).");
        groups.MapPost("/{group}/claim", ClaimAsync).WithSummary("Claim pending entries (XCLAIM).").ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapPost("/{group}/autoclaim", AutoClaimAsync).WithSummary("Claim idle pending entries by scanning (XAUTOCLAIM).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapGet("/{group}/pending", PendingSummaryAsync).WithSummary("Pending summary (XPENDING).").ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapGet("/{group}/pending/entries", PendingEntriesAsync).WithSummary("Pending entries with idle times and delivery counts (XPENDING start end count).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapGet("/{group}/policy", GetPolicyAsync).WithSummary("The group's policy and counters (XGROUPPOLICY GET).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapPut("/{group}/policy", SetPolicyAsync).WithSummary("Set the group's policy (XGROUPPOLICY SET).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapDelete("/{group}/policy", DeletePolicyAsync).WithSummary("Remove the group's policy (XGROUPPOLICY DEL).");
        groups.MapGet("/{group}/consume", ConsumeAsync)
            .WithSummary("Consume as a group member over server-sent events; acknowledge each entry with POST .../ack.")
            .WithDescription("pending=true first re-delivers the consumer's own unacknowledged entries; maxPending=n reads no new entries while "
                + "the consumer has n unacknowledged. Nothing is acknowledged for the caller.")
            .Produces<TailEvent>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return groups;
    }

    private static async Task<Ok<GroupListResponse>> ListAsync(string key, StreamsClient client, CancellationToken cancellationToken)
    {
        var stream = RouteKey.Decode(key);
        var groups = await client.XInfoGroupsAsync(stream, cancellationToken);
        return TypedResults.Ok(new GroupListResponse(stream, [.. groups.Select(GroupResponse.From)]));
    }

    private static async Task<Created<GroupResponse>> CreateAsync(string key, CreateGroupRequest request, StreamsClient client, CancellationToken cancellationToken)
    {
        var stream = RouteKey.Decode(key);
        var name = Required(request.Name, "name");
        await client.XGroupCreateAsync(stream, name, request.StartId, request.MkStream, request.EntriesRead, cancellationToken);
        var created = (await client.XInfoGroupsAsync(stream, cancellationToken)).FirstOrDefault(group => group.Name == name);
        var response = created is null ? new GroupResponse(name, 0, 0, request.StartId, request.EntriesRead, null) : GroupResponse.From(created);
        return TypedResults.Created($"/api/streams/{Uri.EscapeDataString(stream)}/groups/{Uri.EscapeDataString(name)}", response);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DestroyAsync(string key, string group, StreamsClient client, CancellationToken cancellationToken)
    {
        var (stream, name) = (RouteKey.Decode(key), RouteKey.Decode(group));
        return await client.XGroupDestroyAsync(stream, name, cancellationToken) ? TypedResults.NoContent() : NoSuchGroup(stream, name);
    }

    private static async Task<Ok<ConsumerListResponse>> ConsumersAsync(string key, string group, StreamsClient client, CancellationToken cancellationToken)
    {
        var (stream, name) = (RouteKey.Decode(key), RouteKey.Decode(group));
        var consumers = await client.XInfoConsumersAsync(stream, name, cancellationToken);
        return TypedResults.Ok(new ConsumerListResponse(stream, name, [.. consumers.Select(ConsumerResponse.From)]));
    }

    private static async Task<Ok<ReadGroupResponse>> ReadAsync(string key, string group, ReadGroupRequest request, StreamsClient client, CancellationToken cancellationToken)
    {
        var (stream, name) = (RouteKey.Decode(key), RouteKey.Decode(group));
        var consumer = Required(request.Consumer, "consumer");
        if (request.BlockMs is < 0 or > ReadGroupRequest.MaxBlockMs)
        {
            throw new ApiRequestException($"blockMs must be between 0 and {ReadGroupRequest.MaxBlockMs}; use the consume event stream to wait longer.");
        }
        // BLOCK 0 means "forever" to the silo; over HTTP a zero wait means "do not wait".
        TimeSpan? block = request.BlockMs is { } ms and > 0 ? TimeSpan.FromMilliseconds(ms) : null;
        var entries = await client.XReadGroupAsync(name, consumer, stream, request.Id, request.Count, block, request.NoAck, cancellationToken);
        return TypedResults.Ok(new ReadGroupResponse(stream, name, consumer, EntryResponse.From(entries, request.Encoding)));
    }

    private static async Task<Ok<AckResponse>> AckAsync(string key, string group, AckRequest request, StreamsClient client, CancellationToken cancellationToken)
    {
        var (stream, name) = (RouteKey.Decode(key), RouteKey.Decode(group));
        if (request.Ids is not { Count: > 0 } ids) throw new ApiRequestException("ids must name at least one entry ID.");
        return TypedResults.Ok(new AckResponse(await client.XAckAsync(stream, name, ids, cancellationToken)));
    }

    private static async Task<Ok<ClaimResponse>> ClaimAsync(string key, string group, ClaimRequest request, StreamsClient client, CancellationToken cancellationToken)
    {
        var (stream, name) = (RouteKey.Decode(key), RouteKey.Decode(group));
        var consumer = Required(request.Consumer, "consumer");
        if (request.Ids is not { Count: > 0 } ids) throw new ApiRequestException("ids must name at least one entry ID.");
        var options = new ClaimOptions
        {
            Idle = request.IdleMs is { } idle ? TimeSpan.FromMilliseconds(idle) : null,
            Time = request.TimeMs is { } time ? DateTimeOffset.FromUnixTimeMilliseconds(time) : null,
            RetryCount = request.RetryCount,
            Force = request.Force,
            LastId = request.LastId,
        };
        var minIdle = TimeSpan.FromMilliseconds(request.MinIdleMs);
        if (request.JustId)
        {
            var claimed = await client.XClaimJustIdAsync(stream, name, consumer, minIdle, ids, options, cancellationToken);
            return TypedResults.Ok(new ClaimResponse(claimed, []));
        }
        var entries = await client.XClaimAsync(stream, name, consumer, minIdle, ids, options, cancellationToken);
        return TypedResults.Ok(new ClaimResponse([.. entries.Select(entry => entry.Id)], EntryResponse.From(entries, request.Encoding)));
    }

    private static async Task<Ok<AutoClaimResponse>> AutoClaimAsync(string key, string group, AutoClaimRequest request, StreamsClient client, CancellationToken cancellationToken)
    {
        var (stream, name) = (RouteKey.Decode(key), RouteKey.Decode(group));
        var consumer = Required(request.Consumer, "consumer");
        var result = await client.XAutoClaimAsync(stream, name, consumer, TimeSpan.FromMilliseconds(request.MinIdleMs), request.Start, request.Count, request.JustId, cancellationToken);
        var entries = request.JustId ? [] : EntryResponse.From(result.Entries, request.Encoding);
        return TypedResults.Ok(new AutoClaimResponse(result.NextStartId, [.. result.Entries.Select(entry => entry.Id)], entries, result.DeletedIds));
    }

    private static async Task<Ok<PendingSummaryResponse>> PendingSummaryAsync(string key, string group, StreamsClient client, CancellationToken cancellationToken)
    {
        var (stream, name) = (RouteKey.Decode(key), RouteKey.Decode(group));
        return TypedResults.Ok(PendingSummaryResponse.From(await client.XPendingAsync(stream, name, cancellationToken)));
    }

    private static async Task<Ok<PendingEntriesResponse>> PendingEntriesAsync(
        string key, string group, StreamsClient client, string? start, string? end, long? count, string? consumer, long? minIdleMs, CancellationToken cancellationToken)
    {
        var (stream, name) = (RouteKey.Decode(key), RouteKey.Decode(group));
        var entries = await client.XPendingRangeAsync(
            stream, name, start ?? "-", end ?? "+", count ?? DefaultPendingCount, consumer,
            minIdleMs is { } idle ? TimeSpan.FromMilliseconds(idle) : null, cancellationToken);
        return TypedResults.Ok(new PendingEntriesResponse([.. entries.Select(PendingEntryResponse.From)]));
    }

    private static async Task<Results<Ok<PolicyResponse>, ProblemHttpResult>> GetPolicyAsync(string key, string group, StreamsClient client, CancellationToken cancellationToken)
    {
        var (stream, name) = (RouteKey.Decode(key), RouteKey.Decode(group));
        var policy = await client.XGroupPolicyGetAsync(stream, name, cancellationToken);
        return policy is null ? NoPolicy(stream, name) : TypedResults.Ok(PolicyResponse.From(policy));
    }

    private static async Task<Results<Ok<PolicyResponse>, ProblemHttpResult>> SetPolicyAsync(
        string key, string group, PolicyRequest request, StreamsClient client, CancellationToken cancellationToken)
    {
        var (stream, name) = (RouteKey.Decode(key), RouteKey.Decode(group));
        if (request.ClaimIdleMs is null && request.MaxDeliveries is null && request.DeadLetter is null)
        {
            throw new ApiRequestException("A policy needs at least one of claimIdleMs, maxDeliveries and deadLetter.");
        }
        await client.XGroupPolicySetAsync(stream, name, new GroupPolicy
        {
            ClaimIdle = request.ClaimIdleMs is { } idle ? TimeSpan.FromMilliseconds(idle) : null,
            MaxDeliveries = request.MaxDeliveries,
            DeadLetter = request.DeadLetter,
        }, cancellationToken);
        var policy = await client.XGroupPolicyGetAsync(stream, name, cancellationToken);
        return policy is null ? NoPolicy(stream, name) : TypedResults.Ok(PolicyResponse.From(policy));
    }

    private static async Task<NoContent> DeletePolicyAsync(string key, string group, StreamsClient client, CancellationToken cancellationToken)
    {
        await client.XGroupPolicyDelAsync(RouteKey.Decode(key), RouteKey.Decode(group), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<ServerSentEventsResult<TailEvent>> ConsumeAsync(
        string key, string group, string? consumer, long? count, bool? pending, long? maxPending, string? encoding, StreamsClient client,
        ApiInstruments instruments, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var (stream, name) = (RouteKey.Decode(key), RouteKey.Decode(group));
        var member = Required(consumer, "consumer");
        var batch = Math.Clamp(count ?? DefaultConsumeCount, 1, 1000);
        if (maxPending is < 1) throw new ApiRequestException("maxPending must be at least 1.");
        // Checked before the response starts, so NOGROUP becomes a problem reply rather than a broken event stream.
        // Re-reading history counts a delivery, so it happens only when asked for.
        IReadOnlyList<StreamEntry> history = pending == true
            ? await GroupConsumeStream.ReadPendingAsync(client, stream, name, member, batch, cancellationToken)
            : await CheckGroupExistsAsync(client, stream, name, cancellationToken);
        httpContext.Response.Headers.CacheControl = "no-cache";
        var settings = new ConsumeSettings(stream, name, member, batch, maxPending, FieldEncodingQuery.Parse(encoding));
        return TypedResults.ServerSentEvents(GroupConsumeStream.FollowAsync(client, instruments, settings, history, EventStreamLifetime.For(httpContext)));
    }

    private static async Task<IReadOnlyList<StreamEntry>> CheckGroupExistsAsync(StreamsClient client, string stream, string group, CancellationToken cancellationToken)
    {
        await client.XInfoConsumersAsync(stream, group, cancellationToken);
        return [];
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new ApiRequestException($"{name} is required.") : value;

    private static ProblemHttpResult NoSuchGroup(string stream, string group) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No such consumer group",
        Detail = $"The stream '{stream}' has no group '{group}'.",
    });

    private static ProblemHttpResult NoPolicy(string stream, string group) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No policy",
        Detail = $"The group '{group}' of '{stream}' has no policy.",
    });
}

using OrleansStreams.ConsumerGroups;
using OrleansStreams.GrainHost;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>A stream as a consumer group sees it: each call is one request to the stream grain.</summary>
internal sealed class StreamGrainView(IGrainReference<IStreamGrain> stream) : IStreamView
{
    public ValueTask<StreamReadResult> ReadAfterAsync(StreamId after, long count, long nowMs)
        => stream.InvokeAsync(g => g.ReadAfterAsync(after, count, nowMs));

    public ValueTask<StreamReadResult> GetEntriesAsync(StreamId[] ids, long nowMs)
        => stream.InvokeAsync(g => g.GetEntriesAsync(ids, nowMs));

    public ValueTask<StreamMetadataResult> GetMetadataAsync(long nowMs)
        => stream.InvokeAsync(g => g.GetMetadataAsync(nowMs));

    public ValueTask<StreamAddResult> AddAsync(StreamAddRequest request)
        => stream.InvokeAsync(g => g.AddAsync(request));

    public ValueTask<StreamGroupResult> RegisterGroupAsync(string group, bool makeStream, long nowMs)
        => stream.InvokeAsync(g => g.CreateGroupAsync(group, makeStream, nowMs));

    public ValueTask<StreamGroupResult> UnregisterGroupAsync(string group, long nowMs)
        => stream.InvokeAsync(g => g.DestroyGroupAsync(group, nowMs));

    public ValueTask<StreamGroupResult> GetGroupAsync(string group, long nowMs)
        => stream.InvokeAsync(g => g.GetGroupAsync(group, nowMs));
}

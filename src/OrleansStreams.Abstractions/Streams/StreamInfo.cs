namespace OrleansStreams.Streams;

/// <summary>
/// What XINFO STREAM shows. <see cref="FirstEntry"/> and <see cref="LastEntry"/> hold zero or one entry;
/// <see cref="Entries"/> holds the first entries for the FULL form. <see cref="RadixTreeNodes"/> is the node count
/// Redis's radix tree would have for these node keys. Groups are in byte order of their names.
/// </summary>
public sealed record StreamInfo(
    StreamStatus Status,
    StreamMetadata Metadata,
    long RadixTreeNodes,
    StreamEntries FirstEntry,
    StreamEntries LastEntry,
    StreamEntries Entries,
    IReadOnlyList<StreamGroupInfo> Groups)
{
    public static StreamInfo NoKey { get; } = new(StreamStatus.NoKey, StreamMetadata.Empty, 1, StreamEntries.Empty, StreamEntries.Empty, StreamEntries.Empty, []);

    public static StreamInfo WrongType { get; } = new(StreamStatus.WrongType, StreamMetadata.Empty, 1, StreamEntries.Empty, StreamEntries.Empty, StreamEntries.Empty, []);
}

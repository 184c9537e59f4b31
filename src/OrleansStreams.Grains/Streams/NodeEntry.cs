using OrleansStreams.Streams;

namespace OrleansStreams.Grains.Streams;

/// <summary>Where one entry sits in its node's buffer, decoded from its header.</summary>
internal readonly record struct NodeEntry(StreamId Id, int Offset, int ItemsOffset, int End, byte Flags, int PairCount)
{
    public bool IsDeleted => (Flags & StreamNode.DeletedFlag) != 0;

    public bool HasMasterFields => (Flags & StreamNode.SameFieldsFlag) != 0;
}

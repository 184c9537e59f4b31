namespace OrleansStreams.GrainHost;

/// <summary>One record of <see cref="MemoryGrainStorage"/>: the serialized state and its ETag.</summary>
internal sealed record StoredGrainState(byte[] Json, string ETag);

using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage;

/// <summary>One journal in a store: whose it is and the version its next write must name.</summary>
public readonly record struct JournalDescriptor(GrainId GrainId, string StateName, long Version);

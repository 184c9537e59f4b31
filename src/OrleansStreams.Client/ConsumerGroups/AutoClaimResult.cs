namespace OrleansStreams.Client;

/// <summary>
/// XAUTOCLAIM: the ID to continue from ("0-0" when the scan is complete), the claimed entries (only IDs with JUSTID),
/// and the IDs found pending but deleted from the stream (removed from the pending list).
/// </summary>
public sealed record AutoClaimResult(string NextStartId, IReadOnlyList<StreamEntry> Entries, IReadOnlyList<string> DeletedIds);

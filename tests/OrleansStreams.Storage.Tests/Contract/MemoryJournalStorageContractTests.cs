using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage.Tests;

/// <summary>The grain host's in-memory store passes the same contract as the database stores.</summary>
public sealed class MemoryJournalStorageContractTests : JournalStorageContractTests
{
    protected override Task<IJournalStorage> CreateStorageAsync() => Task.FromResult<IJournalStorage>(new MemoryJournalStorage());

    protected override Task<IJournalStorage> CreateSecondWriterAsync() => Task.FromResult(Storage);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task AddSqliteJournalStorage_AfterTheGrainHost_ReplacesTheMemoryStore()
    {
        var services = new ServiceCollection();
        services.AddGrainHost();
        services.AddSqliteJournalStorage(_directory.Path, DurabilityMode.Everysec);
        await using var provider = services.BuildServiceProvider();

        var storage = provider.GetRequiredService<IJournalStorage>();

        var sqlite = Assert.IsType<SqliteJournalStorage>(storage);
        Assert.Equal(DurabilityMode.Everysec, sqlite.Durability);
        Assert.Same(storage, provider.GetRequiredService<IJournalCatalog>());
        Assert.Single(provider.GetServices<IJournalStorage>());
    }

    [Fact]
    public async Task AddSqliteJournalStorage_BeforeTheGrainHost_IsKept()
    {
        var services = new ServiceCollection();
        services.AddSqliteJournalStorage(_directory.Path, DurabilityMode.Always);
        services.AddGrainHost();
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<SqliteJournalStorage>(provider.GetRequiredService<IJournalStorage>());
    }

    [Fact]
    public async Task AddPostgresJournalStorage_ReplacesTheMemoryStore_WithoutConnectingYet()
    {
        var services = new ServiceCollection();
        services.AddGrainHost();
        services.AddPostgresJournalStorage("Host=127.0.0.1;Port=1;Username=nobody", DurabilityMode.None, options => options.Schema = "custom");
        await using var provider = services.BuildServiceProvider();

        var postgres = Assert.IsType<PostgresJournalStorage>(provider.GetRequiredService<IJournalStorage>());

        Assert.Equal(DurabilityMode.None, postgres.Durability);
        Assert.Equal("custom", postgres.Schema);
    }

    [Fact]
    public void AddPostgresJournalStorage_WithAnUnsafeSchemaName_Throws()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddPostgresJournalStorage("Host=localhost", configure: options => options.Schema = "x; DROP TABLE y"));
    }

    [Fact]
    public async Task HostStart_WithADamagedDatabaseFile_FailsWithTheStoresError()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory.Path, "journal.db"), new string('x', 4096));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSqliteJournalStorage(_directory.Path);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<JournalStorageException>(() => host.StartAsync());

        Assert.Equal(JournalStorageFailure.Corrupt, failure.Failure);
    }

    public void Dispose() => _directory.Dispose();
}

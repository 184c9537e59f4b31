using Microsoft.Data.Sqlite;
using OrleansStreams.GrainHost;
using OrleansStreams.Storage;
using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>
/// Issue 4 item 6: when the store cannot take a write, the client gets a clear error (never an OK for something not
/// stored), reads keep working, and writes work again once the store is back, with nothing lost.
/// </summary>
[Collection("durability")]
public sealed class BadStorageTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Writes_WhileSqliteFileIsLockedByAnotherConnection_FailClearlyAndRecoverWhenReleased()
    {
        await using (var silo = await StartAsync())
        {
            await using var client = await silo.ConnectAsync();
            Assert.Equal("$3\r\n1-1\r\n", await client.ExecuteAsync("XADD", "s", "1-1", "a", "1"));
            Assert.Equal("+OK\r\n", await client.ExecuteAsync("SET", "k", "before"));

            await using (var locker = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "journal.db")};Pooling=False"))
            {
                await locker.OpenAsync();
                await using (var begin = locker.CreateCommand())
                {
                    // Takes the database's write lock and keeps it until the rollback below.
                    begin.CommandText = "BEGIN IMMEDIATE";
                    await begin.ExecuteNonQueryAsync();
                }

                var refused = await client.ExecuteAsync("XADD", "s", "2-1", "b", "2");
                Assert.StartsWith("-ERR storage unavailable: ", refused);
                Assert.Contains("locked", refused);
                Assert.StartsWith("-ERR storage unavailable: ", await client.ExecuteAsync("SET", "k", "during"));

                // Reads are served from the last stored state while writes cannot be.
                Assert.Equal("*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n", await client.ExecuteAsync("XRANGE", "s", "-", "+"));
                Assert.Equal(":1\r\n", await client.ExecuteAsync("XLEN", "s"));
                Assert.Equal("$6\r\nbefore\r\n", await client.ExecuteAsync("GET", "k"));

                // A delete the store refused leaves the keys as they were, in memory as on disk.
                Assert.StartsWith("-ERR storage unavailable: ", await client.ExecuteAsync("DEL", "s"));
                Assert.StartsWith("-ERR storage unavailable: ", await client.ExecuteAsync("DEL", "k"));
                Assert.Equal(":1\r\n", await client.ExecuteAsync("XLEN", "s"));
                Assert.Equal(":2\r\n", await client.ExecuteAsync("EXISTS", "s", "k"));

                await using var rollback = locker.CreateCommand();
                rollback.CommandText = "ROLLBACK";
                await rollback.ExecuteNonQueryAsync();
            }

            Assert.Equal("$3\r\n3-1\r\n", await client.ExecuteAsync("XADD", "s", "3-1", "c", "3"));
            Assert.Equal("+OK\r\n", await client.ExecuteAsync("SET", "k", "after"));
            Assert.Equal(Expected, await client.ExecuteAsync("XRANGE", "s", "-", "+"));
        }

        await using (var silo = await StartAsync())
        {
            await using var client = await silo.ConnectAsync();
            Assert.Equal(Expected, await client.ExecuteAsync("XRANGE", "s", "-", "+"));
            Assert.Equal("$5\r\nafter\r\n", await client.ExecuteAsync("GET", "k"));
        }
    }

    [Fact]
    public async Task Restart_WithOneDamagedJournal_ServesEveryOtherKeyAndReportsTheDamagedOne()
    {
        await using (var silo = await StartAsync())
        {
            await using var client = await silo.ConnectAsync();
            Assert.Equal("$3\r\n1-1\r\n", await client.ExecuteAsync("XADD", "good", "1-1", "a", "1"));
            Assert.Equal("$3\r\n1-1\r\n", await client.ExecuteAsync("XADD", "damaged", "1-1", "a", "1"));
        }
        await using (var storage = new SqliteJournalStorage(new SqliteJournalStorageOptions { DataDirectory = _data.Path }))
        {
            // A stream XADD record (format 1, kind 2) whose checksum does not match its bytes.
            var grain = new GrainId("stream", "damaged");
            var version = (await storage.ReadAsync(grain, "stream", CancellationToken.None)).Version;
            await storage.AppendAsync(grain, "stream", [new byte[] { 1, 2, 2, 1, 1, 0, 0, 0, 0, 0 }], version, CancellationToken.None);
        }

        await using (var silo = await StartAsync())
        {
            await using var client = await silo.ConnectAsync();
            Assert.Equal("*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n", await client.ExecuteAsync("XRANGE", "good", "-", "+"));
            Assert.Equal("$3\r\n2-1\r\n", await client.ExecuteAsync("XADD", "good", "2-1", "b", "2"));
            Assert.Contains("checksum", await client.ExecuteAsync("XRANGE", "damaged", "-", "+"));
            Assert.StartsWith("-ERR ", await client.ExecuteAsync("XADD", "damaged", "2-1", "b", "2"));
        }
    }

    private const string Expected = "*2\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n3-1\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n";

    private Task<InProcessSilo> StartAsync()
        => InProcessSilo.StartAsync(["--storage", "sqlite", "--data-dir", _data.Path, "--sqlite-busy-timeout", "1"]);

    public void Dispose() => _data.Dispose();
}

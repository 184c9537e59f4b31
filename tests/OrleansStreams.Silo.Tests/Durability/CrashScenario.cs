using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>
/// Issue 4's crash test. Producers XADD, consumers XREADGROUP &gt; and XACK, each over its own connection, while the
/// silo process is SIGKILLed at random moments and started again on the same storage. What the clients saw
/// acknowledged is what the silo promised; after every restart the stored state must keep those promises:
/// every acknowledged XADD is present exactly once with its ID and fields, no entry whose XACK was acknowledged is
/// pending, every entry delivered with &gt; is pending or had an XACK sent for it, and IDs never go backwards.
/// </summary>
public sealed class CrashScenario(Func<Task<SiloProcess>> startSilo, ITestOutputHelper output)
{
    private const string Stream = "crash:stream";
    private const string Group = "crash-group";
    private const int Producers = 3;
    private const int Consumers = 2;

    private readonly ConcurrentDictionary<string, string> _added = new();
    private readonly ConcurrentDictionary<string, int> _addedInPhase = new();
    private readonly ConcurrentDictionary<string, byte> _delivered = new();
    private readonly ConcurrentDictionary<string, byte> _ackSent = new();
    private readonly ConcurrentDictionary<string, byte> _ackConfirmed = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private string _highestStoredId = "0-0";
    private string _highestDeliveredCursor = "0-0";

    public async Task RunAsync(int kills)
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var silo = await startSilo();
        try
        {
            await using (var setup = await silo.ConnectAsync())
            {
                Assert.Equal("+OK\r\n", await setup.ExecuteAsync("XGROUP", "CREATE", Stream, Group, "$", "MKSTREAM"));
            }
            for (var phase = 0; phase < kills; phase++)
            {
                var workers = StartWorkers(silo, phase, random.Next());
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(700, 2000)));
                await silo.KillAsync();
                await Task.WhenAll(workers);
                output.WriteLine($"phase {phase}: killed with {_added.Count} XADDs, {_delivered.Count} deliveries, {_ackConfirmed.Count} XACKs acknowledged so far");
                await silo.DisposeAsync();
                silo = await startSilo();
                await VerifyAsync(silo, phase);
            }
            Assert.True(_unexpected.IsEmpty, "Unexpected replies:\n" + string.Join('\n', _unexpected.Take(20)));
            // The run must have exercised every promise it checks.
            Assert.NotEmpty(_added);
            Assert.NotEmpty(_delivered);
            Assert.NotEmpty(_ackConfirmed);
        }
        catch
        {
            output.WriteLine(silo.Output);
            throw;
        }
        finally
        {
            await silo.DisposeAsync();
        }
    }

    private Task[] StartWorkers(SiloProcess silo, int phase, int seed)
    {
        var tasks = new List<Task>();
        for (var i = 0; i < Producers; i++) tasks.Add(ProduceAsync(silo, phase, i));
        for (var i = 0; i < Consumers; i++) tasks.Add(ConsumeAsync(silo, $"consumer-{i}", new Random(seed + i)));
        return [.. tasks];
    }

    private async Task ProduceAsync(SiloProcess silo, int phase, int producer)
    {
        try
        {
            await using var client = await silo.ConnectAsync();
            for (var sequence = 0; ; sequence++)
            {
                var payload = $"{phase}-{producer}-{sequence}";
                var reply = Resp.Parse(await client.ExecuteAsync("XADD", Stream, "*", "payload", payload));
                if (reply is not string id)
                {
                    _unexpected.Enqueue($"XADD {payload}: {reply}");
                    return;
                }
                _added[id] = payload;
                _addedInPhase[id] = phase;
            }
        }
        catch (Exception exception) when (IsConnectionLoss(exception))
        {
            // The kill: whatever was in flight has no reply and promised nothing.
        }
    }

    private async Task ConsumeAsync(SiloProcess silo, string consumer, Random random)
    {
        try
        {
            await using var client = await silo.ConnectAsync();
            while (true)
            {
                var reply = Resp.Parse(await client.ExecuteAsync("XREADGROUP", "GROUP", Group, consumer, "COUNT", "10", "BLOCK", "200", "STREAMS", Stream, ">"));
                if (reply is null) continue;
                if (reply is not List<object?> streams)
                {
                    _unexpected.Enqueue($"XREADGROUP: {reply}");
                    return;
                }
                var entries = Resp.Entries(((List<object?>)streams[0]!)[1]);
                foreach (var (id, _) in entries) _delivered[id] = 0;
                foreach (var (id, _) in entries)
                {
                    if (random.Next(10) >= 7) continue;
                    // Recorded before sending: the silo may store the XACK and die before replying.
                    _ackSent[id] = 0;
                    var acked = Resp.Parse(await client.ExecuteAsync("XACK", Stream, Group, id));
                    if (acked is 1L) _ackConfirmed[id] = 0;
                    else _unexpected.Enqueue($"XACK {id}: {acked}");
                }
            }
        }
        catch (Exception exception) when (IsConnectionLoss(exception))
        {
        }
    }

    private async Task VerifyAsync(SiloProcess silo, int phase)
    {
        await using var client = await silo.ConnectAsync();
        var stored = Resp.Entries(Resp.Parse(await client.ExecuteAsync("XRANGE", Stream, "-", "+")));
        var byId = stored.ToDictionary(e => e.Id, e => e.Fields);

        foreach (var (id, payload) in _added)
        {
            Assert.True(byId.TryGetValue(id, out var fields), $"Acknowledged XADD {id} ({payload}) is missing after restart {phase}.");
            Assert.Equal($"payload={payload}", fields);
        }
        var duplicates = stored.GroupBy(e => e.Fields).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Entries stored more than once: {string.Join(", ", duplicates.Take(10))}");

        // IDs never go backwards: everything acknowledged in this phase is above everything stored before it.
        foreach (var (id, addedPhase) in _addedInPhase)
        {
            if (addedPhase == phase) Assert.True(StreamIdText.Compare(id, _highestStoredId) > 0, $"XADD acknowledged {id} after a restart, not above {_highestStoredId} stored before it.");
        }
        var highest = StreamIdText.Max(byId.Keys);
        Assert.True(StreamIdText.Compare(highest, _highestStoredId) >= 0, $"The stream's top went back from {_highestStoredId} to {highest}.");
        _highestStoredId = highest;

        var pending = Resp.Array(await client.ExecuteAsync("XPENDING", Stream, Group, "-", "+", "100000000"))
            .Select(p => (string)((List<object?>)p!)[0]!)
            .ToHashSet();
        var ackedButPending = _ackConfirmed.Keys.Where(pending.Contains).ToList();
        Assert.True(ackedButPending.Count == 0, $"Entries whose XACK was acknowledged are pending after restart {phase}: {string.Join(", ", ackedButPending.Take(10))}");
        var lost = _delivered.Keys.Where(id => !pending.Contains(id) && !_ackSent.ContainsKey(id)).ToList();
        Assert.True(lost.Count == 0, $"Entries delivered with > are neither pending nor acknowledged after restart {phase}: {string.Join(", ", lost.Take(10))}");

        // The group's cursor never goes back below what it delivered.
        var cursor = LastDeliveredId(Resp.Array(await client.ExecuteAsync("XINFO", "GROUPS", Stream)));
        var delivered = StreamIdText.Max(_delivered.Keys.Append(_highestDeliveredCursor));
        Assert.True(StreamIdText.Compare(cursor, delivered) >= 0, $"The group's last-delivered-id {cursor} is below {delivered}, delivered before restart {phase}.");
        _highestDeliveredCursor = cursor;
        output.WriteLine($"restart {phase}: {stored.Count} entries, {pending.Count} pending, top {highest}, cursor {cursor}");
    }

    private static string LastDeliveredId(List<object?> groups)
    {
        var group = (List<object?>)groups.Single()!;
        for (var i = 0; i < group.Count; i += 2)
        {
            if ((string)group[i]! == "last-delivered-id") return (string)group[i + 1]!;
        }
        throw new InvalidOperationException("XINFO GROUPS has no last-delivered-id.");
    }

    private static bool IsConnectionLoss(Exception exception)
        => exception is IOException or System.Net.Sockets.SocketException or ObjectDisposedException or OperationCanceledException;
}

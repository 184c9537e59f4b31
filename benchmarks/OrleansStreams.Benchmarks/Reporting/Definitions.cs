namespace OrleansStreams.Benchmarks.Reporting;

/// <summary>How each figure is produced, printed under the tables (for the phases that ran) so a reader can judge them.</summary>
public static class Definitions
{
    public static IEnumerable<string> For(BenchmarkSettings settings)
    {
        (string Phase, string Text)[] all =
        [
            ("throughput", "Servers: silo `--storage memory` vs redis-server `--save \"\" --appendonly no`; both on loopback, started by this tool."),
            ("throughput", "XADD / XRANGE rows: redis-benchmark (`-c 50 -P n -n <sized to ~the duration>`), `XADD key * f1 v1 f2 v2 f3 v3`; XRANGE reads a 1,000-entry stream."),
            ("throughput", "consume loop: one group, 4 consumers each doing `XREADGROUP GROUP g cN COUNT 10 STREAMS key >` then `XACK` of the IDs received, on a preloaded stream; entries read and acknowledged per second."),
            ("throughput", "fan-out to 8 groups: the same loop with 8 groups of one consumer on one preloaded stream; every group reads every entry; deliveries (entry x group) per second."),
            ("throughput", "wake-up latency: a second connection waits in `XREADGROUP ... COUNT 1 BLOCK 10000 STREAMS key >`; time from sending `XADD` to receiving the blocked reader's reply (C# client, blocking threads, 1 ms pacing between samples)."),
            ("durable", "XADD durable: silo `--storage sqlite --durability always|everysec` vs redis-server `--appendonly yes --appendfsync always|everysec`, data on the same disk."),
            ("memory", $"memory per entry: fresh servers, {settings.Entries:#,0} XADDs of 3 small fields to one stream; silo process RSS delta vs redis `used_memory` delta, divided by the entries (after a warm-up stream and 1 s of settling)."),
            ("restart", $"restart to ready: silo `--storage sqlite --durability everysec` vs redis-server AOF everysec, each holding a {settings.Entries:#,0}-entry stream; SIGTERM, then the clock runs from starting the process until `XLEN` on the stream answers."),
            ("throughput", "CPU/op: the server's CPU time divided by the operations (entries for the consume rows) it completed; steadier than ops/s when other processes share the machine."),
        ];
        return all.Where(d => settings.Phases.Contains(d.Phase) || (d.Phase == "throughput" && settings.Phases.Contains("durable") && d.Text.StartsWith("CPU/op", StringComparison.Ordinal)))
            .Select(d => d.Text);
    }
}

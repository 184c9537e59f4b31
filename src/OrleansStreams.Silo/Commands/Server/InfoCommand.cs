using System.Diagnostics;
using System.Text;
using OrleansStreams.Silo.Commands.Connection;

namespace OrleansStreams.Silo.Commands.Server;

/// <summary>INFO [section ...]: server, clients, memory, persistence, stats, replication and keyspace, in Redis's format.</summary>
public static class InfoCommand
{
    private static readonly string[] DefaultSections = ["server", "clients", "memory", "persistence", "stats", "replication", "keyspace"];

    public static ValueTask ExecuteAsync(CommandContext context)
    {
        var requested = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < context.Args.Count; i++) requested.Add(context.Args.Text(i));
        var all = requested.Count == 0 || requested.Contains("all") || requested.Contains("everything") || requested.Contains("default");
        var builder = new StringBuilder();
        foreach (var section in DefaultSections)
        {
            if (!all && !requested.Contains(section)) continue;
            if (builder.Length > 0) builder.Append("\r\n");
            Append(builder, section, context);
        }
        context.Reply.WriteVerbatimText(builder.ToString());
        return ValueTask.CompletedTask;
    }

    private static void Append(StringBuilder builder, string section, CommandContext context)
    {
        var services = context.Services;
        var uptime = Math.Max(0, (context.NowMs - services.StartedAtMs) / 1000);
        switch (section)
        {
            case "server":
                builder.Append("# Server\r\n")
                    .Append("redis_version:").Append(ServerIdentity.RedisVersion).Append("\r\n")
                    .Append("orleans_streams_version:").Append(ServerIdentity.ProductVersion).Append("\r\n")
                    .Append("redis_mode:standalone\r\n")
                    .Append("os:").Append(Environment.OSVersion.VersionString).Append("\r\n")
                    .Append("arch_bits:64\r\n")
                    .Append("process_id:").Append(Environment.ProcessId).Append("\r\n")
                    .Append("tcp_port:").Append(services.Options.Port).Append("\r\n")
                    .Append("uptime_in_seconds:").Append(uptime).Append("\r\n")
                    .Append("uptime_in_days:").Append(uptime / 86400).Append("\r\n");
                break;
            case "clients":
                builder.Append("# Clients\r\n")
                    .Append("connected_clients:").Append(services.Clients.Count).Append("\r\n")
                    .Append("blocked_clients:").Append(services.Clients.BlockedCount).Append("\r\n")
                    .Append("total_blocking_keys:").Append(services.Notifications.BlockingKeyCount).Append("\r\n");
                break;
            case "memory":
                var managed = GC.GetTotalMemory(forceFullCollection: false);
                using (var process = Process.GetCurrentProcess())
                {
                    builder.Append("# Memory\r\n")
                        .Append("used_memory:").Append(managed).Append("\r\n")
                        .Append("used_memory_human:").Append(Human(managed)).Append("\r\n")
                        .Append("used_memory_rss:").Append(process.WorkingSet64).Append("\r\n")
                        .Append("used_memory_rss_human:").Append(Human(process.WorkingSet64)).Append("\r\n")
                        .Append("maxmemory:0\r\n");
                }
                break;
            case "persistence":
                builder.Append("# Persistence\r\n")
                    .Append("loading:0\r\n")
                    .Append("storage:").Append(services.Options.Storage).Append("\r\n");
                break;
            case "stats":
                builder.Append("# Stats\r\n")
                    .Append("total_connections_received:").Append(services.Clients.TotalConnections).Append("\r\n");
                break;
            case "replication":
                builder.Append("# Replication\r\nrole:master\r\nconnected_slaves:0\r\n");
                break;
            case "keyspace":
                builder.Append("# Keyspace\r\n");
                var keys = services.Keyspace.Snapshot(context.NowMs);
                if (keys.Count > 0)
                {
                    builder.Append("db0:keys=").Append(keys.Count)
                        .Append(",expires=").Append(keys.Count(k => k.ExpiresAtMs != 0))
                        .Append(",avg_ttl=0\r\n");
                }
                break;
        }
    }

    private static string Human(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):F2}G",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):F2}M",
        >= 1L << 10 => $"{bytes / 1024.0:F2}K",
        _ => $"{bytes}B",
    };
}

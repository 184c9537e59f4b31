using System.Globalization;

namespace OrleansStreams.Benchmarks;

/// <summary>Command-line settings; <c>--quick</c> shortens everything so a run takes about two minutes on 2 cores.</summary>
public sealed record BenchmarkSettings
{
    public const string Usage = """
        usage: dotnet run -c Release --project benchmarks/OrleansStreams.Benchmarks -- [options]
          --quick              fewer, shorter rounds and 100,000 entries for memory/restart (about 2 minutes)
          --markdown FILE      also write the results as markdown (for README)
          --rounds N           measured rounds per workload (default 5, quick 2); a warm-up round comes first
          --duration SECONDS   target length of one measurement (default 3, quick 1)
          --entries N          entries for the memory and restart workloads (default 1000000, quick 100000)
          --only LIST          phases to run, comma separated: throughput,durable,memory,restart (default all)
          --silo PATH          silo assembly (default src/OrleansStreams.Silo/bin/Release/net10.0/OrleansStreams.Silo.dll)
        """;

    public static readonly string[] AllPhases = ["throughput", "durable", "memory", "restart"];

    public bool Quick { get; init; }

    public int Rounds { get; init; } = 5;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan WarmupDuration => Duration * 0.3;

    public long Entries { get; init; } = 1_000_000;

    public string? MarkdownPath { get; init; }

    public required string SiloDll { get; init; }

    public IReadOnlySet<string> Phases { get; init; } = new HashSet<string>(AllPhases);

    public string CommandLine { get; init; } = "";

    /// <summary>Parses the arguments; a usage problem throws <see cref="ArgumentException"/> with the message to show.</summary>
    public static BenchmarkSettings Parse(string[] args, string repoRoot)
    {
        var quick = args.Contains("--quick");
        int? rounds = null;
        double? seconds = null;
        long? entries = null;
        string? markdown = null;
        string? silo = null;
        HashSet<string>? phases = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--markdown":
                    markdown = Path.GetFullPath(Value());
                    break;
                case "--rounds":
                    rounds = PositiveInt(args[i], Value());
                    break;
                case "--duration":
                    seconds = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
                        ? s
                        : throw new ArgumentException("--duration needs a positive number of seconds.");
                    break;
                case "--entries":
                    entries = PositiveInt(args[i], Value());
                    break;
                case "--only":
                    phases = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    if (phases.Except(AllPhases).FirstOrDefault() is { } unknown)
                    {
                        throw new ArgumentException($"--only: unknown phase '{unknown}' (use {string.Join(',', AllPhases)}).");
                    }
                    break;
                case "--silo":
                    silo = Path.GetFullPath(Value());
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }
        return new BenchmarkSettings
        {
            Quick = quick,
            Rounds = rounds ?? (quick ? 2 : 5),
            Duration = TimeSpan.FromSeconds(seconds ?? (quick ? 1 : 3)),
            Entries = entries ?? (quick ? 100_000 : 1_000_000),
            MarkdownPath = markdown,
            SiloDll = silo ?? Path.Combine(repoRoot, "src", "OrleansStreams.Silo", "bin", "Release", "net10.0", "OrleansStreams.Silo.dll"),
            Phases = phases ?? new HashSet<string>(AllPhases),
            CommandLine = string.Join(' ', ["dotnet run -c Release --project benchmarks/OrleansStreams.Benchmarks --", .. args]),
        };
    }

    private static int PositiveInt(string option, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} needs a positive integer.");
}

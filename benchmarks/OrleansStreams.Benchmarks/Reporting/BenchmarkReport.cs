using System.Globalization;
using System.Text;
using OrleansStreams.Benchmarks.Phases;

namespace OrleansStreams.Benchmarks.Reporting;

/// <summary>The run's results as the console table and as markdown for README.</summary>
public sealed class BenchmarkReport(BenchmarkSettings settings, string machine, string loadBefore)
{
    public List<MetricResult> Results { get; } = [];

    public GeneratorCheck? GeneratorCheck { get; set; }

    public string LoadAfter { get; set; } = "";

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"Results: median of {settings.Rounds} rounds, each server alternately first; {machine}; load average {loadBefore} before, {LoadAfter} after.");
        text.AppendLine();
        text.Append(MainTable().ToText());
        text.AppendLine();
        if (CpuTable() is { Count: > 0 } cpu)
        {
            text.AppendLine("CPU during the measurements, % of one core (the machine has " + Environment.ProcessorCount + "; redis-server runs commands on one thread):");
            text.Append(cpu.ToText());
        }
        if (GeneratorTable() is { } generator)
        {
            text.AppendLine();
            text.AppendLine("Load generator check (both against redis-server, XADD, 50 connections):");
            text.Append(generator.ToText());
            if (GeneratorSummary() is { } summary) text.AppendLine(summary);
        }
        text.AppendLine();
        foreach (var note in Notes()) text.AppendLine("- " + note);
        foreach (var definition in Definitions.For(settings)) text.AppendLine("- " + definition);
        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("### Benchmark results");
        text.AppendLine();
        text.AppendLine($"`{settings.CommandLine}` on {machine}; load average {loadBefore} before, {LoadAfter} after. " +
            $"Each figure is the median of {settings.Rounds} rounds of ~{settings.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s, " +
            "the two servers alternating which goes first, after a warm-up round.");
        text.AppendLine();
        text.Append(MainTable().ToMarkdown());
        text.AppendLine();
        if (CpuTable() is { Count: > 0 } cpu)
        {
            text.AppendLine($"CPU during the measurements, % of one core ({Environment.ProcessorCount} cores; redis-server runs commands on one thread):");
            text.AppendLine();
            text.Append(cpu.ToMarkdown());
        }
        if (GeneratorTable() is { } generator)
        {
            text.AppendLine();
            text.AppendLine("Load generator check (both against redis-server, XADD, 50 connections):");
            text.AppendLine();
            text.Append(generator.ToMarkdown());
            if (GeneratorSummary() is { } summary) text.AppendLine().AppendLine(summary);
        }
        text.AppendLine();
        foreach (var note in Notes()) text.AppendLine("- " + note);
        foreach (var definition in Definitions.For(settings)) text.AppendLine("- " + definition);
        text.AppendLine();
        text.AppendLine("<details><summary>Every round</summary>");
        text.AppendLine();
        text.Append(RoundsTable().ToMarkdown());
        text.AppendLine();
        text.AppendLine("</details>");
        return text.ToString();
    }

    private TextTable MainTable()
    {
        var table = new TextTable("workload", "silo", "redis", "silo/redis", "target");
        foreach (var result in Results)
        {
            var unit = result.Metric.Unit;
            var target = result.Metric.Target;
            var verdict = result.TargetMet switch { true => ": met", false => ": NOT met", null => "" };
            table.Add(
                result.Metric.Name,
                result.Silo.Display(unit),
                result.Redis.Display(unit),
                result.Ratio is { } ratio ? ValueFormatter.Ratio(ratio) : "n/a",
                target.Kind == TargetKind.None ? "" : target.Describe(unit) + verdict);
        }
        return table;
    }

    private TextTable CpuTable()
    {
        var table = new TextTable(
            "workload", "silo CPU", "generator CPU (vs silo)", "silo CPU/op", "redis CPU", "generator CPU (vs redis)", "redis CPU/op");
        foreach (var result in Results)
        {
            if (result.Silo.AverageCpu is null && result.Redis.AverageCpu is null) continue;
            var throughput = result.Metric.Unit is MetricUnit.OpsPerSecond or MetricUnit.EntriesPerSecond;
            table.Add(
                result.Metric.Name,
                Cpu(result.Silo.AverageCpu?.ServerPercent),
                Cpu(result.Silo.AverageCpu?.GeneratorPercent),
                throughput ? Micros(result.Silo.CpuMicrosPerOperation) : "",
                Cpu(result.Redis.AverageCpu?.ServerPercent),
                Cpu(result.Redis.AverageCpu?.GeneratorPercent),
                throughput ? Micros(result.Redis.CpuMicrosPerOperation) : "");
        }
        return table;
    }

    private TextTable? GeneratorTable()
    {
        if (GeneratorCheck is not { Rows.Count: > 0 }) return null;
        var table = new TextTable("pipeline", "redis-benchmark", "its CPU", "C# generator", "its CPU", "redis CPU (C# run)");
        foreach (var row in GeneratorCheck.Rows)
        {
            table.Add(
                row.Pipeline.ToString(CultureInfo.InvariantCulture),
                row.RedisBenchmark.Display(MetricUnit.OpsPerSecond),
                Cpu(row.RedisBenchmark.AverageCpu?.GeneratorPercent),
                row.CSharp.Display(MetricUnit.OpsPerSecond),
                Cpu(row.CSharp.AverageCpu?.GeneratorPercent),
                Cpu(row.CSharp.AverageCpu?.ServerPercent));
        }
        return table;
    }

    private string? GeneratorSummary()
    {
        if (GeneratorCheck is null) return null;
        var parts = GeneratorCheck.Rows
            .Where(r => r.CSharp.Median is not null && r.RedisBenchmark.Median is not null)
            .Select(r => $"{ValueFormatter.Ratio(r.CSharp.Median!.Value / r.RedisBenchmark.Median!.Value)}x at pipeline {r.Pipeline}")
            .ToList();
        if (parts.Count == 0) return null;
        var summary = $"The C# generator drives redis-server at {string.Join(" and ", parts)} of redis-benchmark's rate.";
        var siloFaster = Results
            .Where(r => r.Metric.Unit is MetricUnit.OpsPerSecond or MetricUnit.EntriesPerSecond && r.Ratio is > 1.0)
            .Select(r => r.Metric.Name)
            .ToList();
        return siloFaster.Count == 0
            ? summary + " Every silo throughput row is below redis-server's, so the generators (which reach redis-server's rates) do not cap the silo;" +
              $" they do share the {Environment.ProcessorCount} cores with it (generator CPU above)."
            : summary + $" Rows where the silo beats redis-server ({string.Join("; ", siloFaster)}) may be capped by the generator: compare with its CPU above.";
    }

    private TextTable RoundsTable()
    {
        var table = new TextTable("workload", "silo, each round", "redis, each round");
        foreach (var result in Results)
        {
            table.Add(result.Metric.Name, Rounds(result.Silo, result.Metric.Unit), Rounds(result.Redis, result.Metric.Unit));
        }
        return table;
    }

    private IEnumerable<string> Notes()
    {
        foreach (var result in Results)
        {
            foreach (var note in result.Notes) yield return $"{result.Metric.Name}: {note}";
        }
    }

    private static string Rounds(MetricSide side, MetricUnit unit) =>
        side.Error is { } error ? $"n/a (error: {error})" : string.Join(", ", side.Values.Select(v => ValueFormatter.Format(v, unit)));

    private static string Cpu(double? percent) => percent is { } p ? ValueFormatter.Percent(p) : "";

    private static string Micros(double? micros) => micros is { } m ? m.ToString("0.0", CultureInfo.InvariantCulture) + " us" : "";
}

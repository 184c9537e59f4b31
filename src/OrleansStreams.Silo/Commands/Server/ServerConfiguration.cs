using System.Collections.Concurrent;
using System.Globalization;
using OrleansStreams.Grains.Streams;
using OrleansStreams.Silo.Hosting;
using OrleansStreams.Storage;

namespace OrleansStreams.Silo.Commands.Server;

/// <summary>
/// Parameters visible through CONFIG GET/SET. Settings that change behaviour register a setter; the rest are
/// reported with the values that describe this server, so tools that read them (redis-benchmark reads save and
/// appendonly) work.
/// </summary>
public sealed class ServerConfiguration
{
    private readonly ConcurrentDictionary<string, Parameter> _parameters = new(StringComparer.OrdinalIgnoreCase);

    public ServerConfiguration(SiloOptions options, StreamSettings streams)
    {
        var persistent = options.Storage != StorageProvider.Memory;
        Register("save", () => "", null);
        Register("appendonly", () => persistent ? "yes" : "no", null);
        Register("appendfsync", () => options.Durability switch
        {
            DurabilityMode.Always => "always",
            DurabilityMode.Everysec => "everysec",
            _ => "no",
        }, null);
        Register("databases", () => "1", null);
        Register("maxmemory", () => "0", null);
        Register("stream-node-max-entries", () => Format(streams.NodeMaxEntries), value => SetInteger(value, v => streams.NodeMaxEntries = v));
        Register("stream-node-max-bytes", () => Format(streams.NodeMaxBytes), value => SetMemory(value, v => streams.NodeMaxBytes = v));
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? SetInteger(string value, Action<long> set)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)) return "argument couldn't be parsed into an integer";
        if (parsed < 0) return "argument must be between 0 and 9223372036854775807 inclusive";
        set(parsed);
        return null;
    }

    private static string? SetMemory(string value, Action<long> set)
    {
        if (!TryParseMemory(value, out var parsed)) return "argument must be a memory value";
        set(parsed);
        return null;
    }

    /// <summary>A non-negative integer with Redis's optional memory unit (k, kb, m, mb, g, gb; case-insensitive).</summary>
    private static bool TryParseMemory(string value, out long parsed)
    {
        parsed = 0;
        var digits = value.Length;
        while (digits > 0 && char.IsAsciiLetter(value[digits - 1])) digits--;
        long unit = value[digits..].ToLowerInvariant() switch
        {
            "" or "b" => 1,
            "k" => 1000,
            "kb" => 1024,
            "m" => 1000 * 1000,
            "mb" => 1024 * 1024,
            "g" => 1000L * 1000 * 1000,
            "gb" => 1024L * 1024 * 1024,
            _ => 0,
        };
        if (unit == 0 || digits == 0 || !long.TryParse(value.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return false;
        if (number > long.MaxValue / unit) return false;
        parsed = number * unit;
        return true;
    }

    /// <summary>Adds a parameter; a null setter makes it read-only. The setter returns why a value is invalid, or null once set.</summary>
    public void Register(string name, Func<string> get, Func<string, string?>? set) => _parameters[name] = new Parameter(name, get, set);

    public IEnumerable<(string Name, string Value)> Get(string pattern) =>
        _parameters.Values
            .Where(p => Keys.GlobPattern.IsMatch(pattern.ToLowerInvariant(), p.Name))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p.Name, p.Get()));

    public bool TryGetParameter(string name, out Parameter parameter) => _parameters.TryGetValue(name, out parameter!);

    public sealed record Parameter(string Name, Func<string> Get, Func<string, string?>? Set);
}

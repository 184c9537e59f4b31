using System.Collections.Concurrent;

namespace OrleansStreams.Silo.Commands.Server;

/// <summary>
/// Parameters visible through CONFIG GET/SET. Settings that change behaviour register a setter; the rest are
/// reported with the values that describe this server, so tools that read them (redis-benchmark reads save and
/// appendonly) work.
/// </summary>
public sealed class ServerConfiguration
{
    private readonly ConcurrentDictionary<string, Parameter> _parameters = new(StringComparer.OrdinalIgnoreCase);

    public ServerConfiguration()
    {
        Register("save", () => "", null);
        Register("appendonly", () => "no", null);
        Register("appendfsync", () => "everysec", null);
        Register("databases", () => "1", null);
        Register("maxmemory", () => "0", null);
    }

    /// <summary>Adds a parameter; a null setter makes it read-only. The setter returns false for an invalid value.</summary>
    public void Register(string name, Func<string> get, Func<string, bool>? set) => _parameters[name] = new Parameter(name, get, set);

    public IEnumerable<(string Name, string Value)> Get(string pattern) =>
        _parameters.Values
            .Where(p => Keys.GlobPattern.IsMatch(pattern.ToLowerInvariant(), p.Name))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p.Name, p.Get()));

    public bool TryGetParameter(string name, out Parameter parameter) => _parameters.TryGetValue(name, out parameter!);

    public sealed record Parameter(string Name, Func<string> Get, Func<string, bool>? Set);
}

using System.Text;

namespace OrleansStreams.Silo.Commands;

/// <summary>Looks commands up by name, case-insensitively, without allocating for the name.</summary>
public sealed class CommandTable
{
    private readonly Dictionary<string, CommandDefinition> _commands;
    private readonly Dictionary<string, CommandDefinition>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    internal CommandTable(Dictionary<string, CommandDefinition> commands)
    {
        _commands = commands;
        _lookup = _commands.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IEnumerable<CommandDefinition> All => _commands.Values;

    public int Count => _commands.Count;

    public bool TryGet(ReadOnlySpan<byte> name, out CommandDefinition definition)
    {
        definition = null!;
        if (name.Length > 64) return false;
        Span<char> chars = stackalloc char[name.Length];
        for (var i = 0; i < name.Length; i++) chars[i] = (char)name[i];
        return _lookup.TryGetValue(chars, out definition!);
    }

    public bool TryGet(string name, out CommandDefinition definition) => _commands.TryGetValue(name, out definition!);

    public static string Describe(ReadOnlySpan<byte> value) => Encoding.Latin1.GetString(value);
}

namespace OrleansStreams.Protocol;

/// <summary>
/// Splits an inline command line into arguments the way redis-cli and Redis's inline parser do: blanks
/// separate arguments, "double quotes" understand \n \r \t \b \a \\ \" and \xHH escapes, 'single quotes' only \'.
/// </summary>
public static class InlineSplitter
{
    public static bool TrySplit(ReadOnlySpan<byte> line, CommandArguments arguments)
    {
        var current = new List<byte>();
        var i = 0;
        while (true)
        {
            while (i < line.Length && IsBlank(line[i])) i++;
            if (i >= line.Length) return true;
            current.Clear();
            var inDouble = false;
            var inSingle = false;
            var done = false;
            while (!done)
            {
                if (inDouble)
                {
                    if (i >= line.Length) return false;
                    var c = line[i];
                    if (c == '\\' && i + 3 < line.Length && line[i + 1] == 'x' && IsHex(line[i + 2]) && IsHex(line[i + 3]))
                    {
                        current.Add((byte)(HexValue(line[i + 2]) * 16 + HexValue(line[i + 3])));
                        i += 3;
                    }
                    else if (c == '\\' && i + 1 < line.Length)
                    {
                        i++;
                        current.Add(line[i] switch
                        {
                            (byte)'n' => (byte)'\n',
                            (byte)'r' => (byte)'\r',
                            (byte)'t' => (byte)'\t',
                            (byte)'b' => (byte)'\b',
                            (byte)'a' => (byte)'\a',
                            var other => other,
                        });
                    }
                    else if (c == '"')
                    {
                        // A closing quote must be followed by a blank or the end of the line.
                        if (i + 1 < line.Length && !IsBlank(line[i + 1])) return false;
                        done = true;
                    }
                    else
                    {
                        current.Add(c);
                    }
                }
                else if (inSingle)
                {
                    if (i >= line.Length) return false;
                    var c = line[i];
                    if (c == '\\' && i + 1 < line.Length && line[i + 1] == '\'')
                    {
                        i++;
                        current.Add((byte)'\'');
                    }
                    else if (c == '\'')
                    {
                        if (i + 1 < line.Length && !IsBlank(line[i + 1])) return false;
                        done = true;
                    }
                    else
                    {
                        current.Add(c);
                    }
                }
                else
                {
                    if (i >= line.Length) { done = true; break; }
                    var c = line[i];
                    if (IsBlank(c)) done = true;
                    else if (c == '"') inDouble = true;
                    else if (c == '\'') inSingle = true;
                    else current.Add(c);
                }
                if (i < line.Length) i++;
            }
            arguments.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(current));
        }
    }

    private static bool IsBlank(byte c) => c is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0 or 0x0b or 0x0c;

    private static bool IsHex(byte c) => char.IsAsciiHexDigit((char)c);

    private static int HexValue(byte c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

namespace OrleansStreams.Silo.Commands.Keys;

/// <summary>Redis's glob matching for KEYS and SCAN MATCH: * ? [abc] [^a] [a-z] and \ escapes, case-sensitive.</summary>
public static class GlobPattern
{
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        while (pattern.Length > 0)
        {
            switch (pattern[0])
            {
                case '*':
                    while (pattern.Length > 1 && pattern[1] == '*') pattern = pattern[1..];
                    if (pattern.Length == 1) return true;
                    for (var i = 0; i <= text.Length; i++)
                    {
                        if (IsMatch(pattern[1..], text[i..])) return true;
                    }
                    return false;
                case '?':
                    if (text.Length == 0) return false;
                    text = text[1..];
                    break;
                case '[':
                    if (text.Length == 0) return false;
                    pattern = pattern[1..];
                    var negate = pattern.Length > 0 && pattern[0] == '^';
                    if (negate) pattern = pattern[1..];
                    var matched = false;
                    while (pattern.Length > 0 && pattern[0] != ']')
                    {
                        if (pattern[0] == '\\' && pattern.Length >= 2)
                        {
                            pattern = pattern[1..];
                            if (pattern[0] == text[0]) matched = true;
                        }
                        else if (pattern.Length >= 3 && pattern[1] == '-')
                        {
                            var (low, high) = pattern[0] <= pattern[2] ? (pattern[0], pattern[2]) : (pattern[2], pattern[0]);
                            if (text[0] >= low && text[0] <= high) matched = true;
                            pattern = pattern[2..];
                        }
                        else if (pattern[0] == text[0])
                        {
                            matched = true;
                        }
                        pattern = pattern[1..];
                    }
                    if (negate) matched = !matched;
                    if (!matched) return false;
                    text = text[1..];
                    if (pattern.Length == 0) return text.Length == 0;
                    break;
                case '\\' when pattern.Length >= 2:
                    pattern = pattern[1..];
                    if (text.Length == 0 || pattern[0] != text[0]) return false;
                    text = text[1..];
                    break;
                default:
                    if (text.Length == 0 || pattern[0] != text[0]) return false;
                    text = text[1..];
                    break;
            }
            pattern = pattern[1..];
        }
        return text.Length == 0;
    }
}

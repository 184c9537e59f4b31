namespace OrleansStreams.Silo.Commands.Strings;

/// <summary>Redis's error replies for the string, hash and expiry commands, word for word.</summary>
internal static class PlainKeyErrors
{
    public const string WrongType = "WRONGTYPE Operation against a key holding the wrong kind of value";
    public const string Syntax = "ERR syntax error";
    public const string NotInteger = "ERR value is not an integer or out of range";
    public const string NotFloat = "ERR value is not a valid float";
    public const string IncrementOverflow = "ERR increment or decrement would overflow";
    public const string DecrementOverflow = "ERR decrement would overflow";
    public const string FloatOverflow = "ERR increment would produce NaN or Infinity";
    public const string HashNotInteger = "ERR hash value is not an integer";
    public const string HashNotFloat = "ERR hash value is not a float";
    public const string NaNOrInfinity = "ERR value is NaN or Infinity";

    public static string InvalidExpireTime(CommandContext context) => $"ERR invalid expire time in '{context.Definition.FullName}' command";
}

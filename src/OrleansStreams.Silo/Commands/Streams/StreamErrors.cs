namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>Redis's error replies for the stream commands, word for word (Redis 7.4 wording where versions differ).</summary>
public static class StreamErrors
{
    public const string WrongType = "WRONGTYPE Operation against a key holding the wrong kind of value";
    public const string Syntax = "ERR syntax error";
    public const string NotInteger = "ERR value is not an integer or out of range";
    public const string NoSuchKey = "ERR no such key";
    public const string InvalidId = "ERR Invalid stream ID specified as stream command argument";
    public const string InvalidStartId = "ERR invalid start ID for the interval";
    public const string InvalidEndId = "ERR invalid end ID for the interval";

    public const string MaxLenAndMinId = "ERR syntax error, MAXLEN and MINID options at the same time are not compatible";
    public const string MaxLenNegative = "ERR The MAXLEN argument must be >= 0.";
    public const string LimitNegative = "ERR The LIMIT argument must be >= 0.";
    public const string LimitWithoutStrategy = "ERR syntax error, LIMIT cannot be used without specifying a trimming strategy";
    public const string LimitWithoutApproximation = "ERR syntax error, LIMIT cannot be used without the special ~ option";
    public const string TrimWithoutStrategy = "ERR syntax error, XTRIM must be called with a trimming strategy";

    public const string AddIdZero = "ERR The ID specified in XADD must be greater than 0-0";
    public const string AddIdExhausted = "ERR The stream has exhausted the last possible ID, unable to add more items";
    public const string AddIdNotGreater = "ERR The ID specified in XADD is equal or smaller than the target stream top item";
    public const string AddTooLarge = "ERR Elements are too large to be stored";

    public const string SetIdEntriesAddedNegative = "ERR entries_added must be positive";
    public const string SetIdBelowProvidedMaxDeleted = "ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id";
    public const string SetIdBelowMaxDeleted = "ERR The ID specified in XSETID is smaller than current max_deleted_entry_id";
    public const string SetIdBelowTop = "ERR The ID specified in XSETID is smaller than the target stream top item";
    public const string SetIdEntriesAddedTooSmall = "ERR The entries_added specified in XSETID is smaller than the target stream length";

    public const string ReadGroupOption = "ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.";
    public const string ReadNoAckOption = "ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.";
    public const string ReadUnbalanced = "ERR Unbalanced 'xread' list of streams: for each stream key an ID, '+', or '$' must be specified.";
    public const string ReadGreaterThanId = "ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.";

    public const string TimeoutNotInteger = "ERR timeout is not an integer or out of range";
    public const string TimeoutNegative = "ERR timeout is negative";
    public const string TimeoutOutOfRange = "ERR timeout is out of range";
}

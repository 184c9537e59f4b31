using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>
/// One ID argument of XREADGROUP, classified once. The errors it may carry are reported only when its key is
/// reached and found to have the group, as Redis checks key, group and ID together, key by key.
/// </summary>
internal readonly record struct ReadGroupId(ReadGroupIdKind Kind, StreamId After)
{
    public static ReadGroupId Parse(ReadOnlySpan<byte> text)
    {
        if (text.Length == 1)
        {
            switch (text[0])
            {
                case (byte)'>': return new(ReadGroupIdKind.New, default);
                case (byte)'$': return new(ReadGroupIdKind.Dollar, default);
                case (byte)'+': return new(ReadGroupIdKind.Plus, default);
            }
        }
        if (!StreamIdParser.TryParseStrict(text, 0, out var id)) return new(ReadGroupIdKind.Invalid, default);
        // Redis stands for ">" with the greatest ID, so that ID given explicitly reads (and blocks) as ">".
        return id == StreamId.Max ? new(ReadGroupIdKind.New, default) : new(ReadGroupIdKind.History, id);
    }
}

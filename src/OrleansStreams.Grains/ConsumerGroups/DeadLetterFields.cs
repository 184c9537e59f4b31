using System.Globalization;
using System.Text;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>
/// The fields of a dead-letter entry: the original entry's fields, then where it came from and how it ended
/// (source-stream, source-group, last-consumer, delivery-count). Appended after the original fields, so a reader
/// of the original fields finds them at the same positions.
/// </summary>
internal static class DeadLetterFields
{
    public static readonly byte[] SourceStream = "source-stream"u8.ToArray();
    public static readonly byte[] SourceGroup = "source-group"u8.ToArray();
    public static readonly byte[] LastConsumer = "last-consumer"u8.ToArray();
    public static readonly byte[] DeliveryCount = "delivery-count"u8.ToArray();

    public static StreamFields Build(StreamEntry entry, string streamKey, string group, string consumer, long deliveryCount)
    {
        var stream = Encoding.Latin1.GetBytes(streamKey);
        var groupName = Encoding.Latin1.GetBytes(group);
        var consumerName = Encoding.Latin1.GetBytes(consumer);
        var count = Encoding.ASCII.GetBytes(deliveryCount.ToString(CultureInfo.InvariantCulture));
        var bytes = 0L;
        foreach (var item in entry.Items) bytes += item.Length + 5;
        bytes += stream.Length + groupName.Length + consumerName.Length + count.Length + 80;
        var fields = new StreamFields((entry.ItemCount / 2) + 4, (int)Math.Min(bytes, Array.MaxLength));
        foreach (var item in entry.Items) fields.Add(item);
        fields.Add(SourceStream);
        fields.Add(stream);
        fields.Add(SourceGroup);
        fields.Add(groupName);
        fields.Add(LastConsumer);
        fields.Add(consumerName);
        fields.Add(DeliveryCount);
        fields.Add(count);
        return fields;
    }

    /// <summary>Whether a dead-letter entry names this source stream and group (so an append repeated after a crash is recognised).</summary>
    public static bool CameFrom(StreamEntry entry, string streamKey, string group)
    {
        var stream = Encoding.Latin1.GetBytes(streamKey);
        var groupName = Encoding.Latin1.GetBytes(group);
        bool streamMatches = false, groupMatches = false;
        var isField = true;
        ReadOnlySpan<byte> field = default;
        foreach (var item in entry.Items)
        {
            if (isField)
            {
                field = item;
            }
            else if (field.SequenceEqual(SourceStream))
            {
                streamMatches = item.SequenceEqual(stream);
            }
            else if (field.SequenceEqual(SourceGroup))
            {
                groupMatches = item.SequenceEqual(groupName);
            }
            isField = !isField;
        }
        return streamMatches && groupMatches;
    }
}

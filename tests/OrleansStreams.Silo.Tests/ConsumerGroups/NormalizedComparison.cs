using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>
/// Compares replies after blanking what depends on each server's clock (and dropping Redis 7.2+ fields the 7.0 oracle
/// lacks). Everything else stays compared byte for byte.
/// </summary>
internal static class NormalizedComparison
{
    /// <summary>XPENDING's extended form: each [id, consumer, idle, count] with idle blanked.</summary>
    public static RespNode PendingIdle(RespNode reply)
        => reply.MaskArrayItems(static node => node.Items!.Count == 4 && node.Type == '*' && node.Items[2].Type == ':' && node.Items[3].Type == ':', 2);

    /// <summary>XINFO CONSUMERS: idle blanked, 7.2's inactive dropped.</summary>
    public static RespNode Consumers(RespNode reply) => reply.Normalize(mask: ["idle"], drop: ["inactive"]);

    /// <summary>XINFO STREAM FULL: consumers' seen-time blanked, 7.2's active-time dropped. Delivery times stay.</summary>
    public static RespNode FullConsumers(RespNode reply) => reply.Normalize(mask: ["seen-time"], drop: ["active-time"]);

    public static async Task AssertSameAsync(RawRespClient redis, RawRespClient silo, Func<RespNode, RespNode> normalize, params string[] command)
    {
        var expected = normalize(RespNode.Parse(await redis.ExecuteAsync(command))).ToString();
        var actual = normalize(RespNode.Parse(await silo.ExecuteAsync(command))).ToString();
        Assert.True(expected == actual, $"{string.Join(' ', command)}\n redis: {DifferentialFixture.Show(expected)}\n  silo: {DifferentialFixture.Show(actual)}");
    }
}

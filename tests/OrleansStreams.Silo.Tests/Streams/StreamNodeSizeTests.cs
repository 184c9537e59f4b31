using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.Grains.Streams;
using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Streams;

/// <summary>
/// Approximate trimming with smaller storage nodes (Redis's "XADD with LIMIT consecutive calls" and friends).
/// </summary>
[Collection("differential")]
public sealed class StreamNodeSizeTests(DifferentialFixture fixture)
{
    [Fact]
    public async Task XAddWithLimit_OnNodesOf10_TrimsWholeNodesWithinTheLimit()
    {
        var key = StreamKeys.New("nodes10");
        await WithNodeMaxEntriesAsync(10, async () =>
        {
            var script = new List<string[]>();
            for (var i = 1; i <= 100; i++) script.Add(["XADD", key, $"{i}-0", "xitem", "v"]);
            script.Add(["XADD", key, "MAXLEN", "~", "55", "LIMIT", "30", "101-0", "xitem", "v"]);
            script.Add(["XLEN", key]);
            script.Add(["XADD", key, "MAXLEN", "~", "55", "LIMIT", "30", "102-0", "xitem", "v"]);
            script.Add(["XLEN", key]);
            script.Add(["XTRIM", key, "MINID", "~", "95", "LIMIT", "15"]);
            script.Add(["XLEN", key]);
            await fixture.AssertSameScriptAsync(script);
        });
    }

    [Fact]
    public async Task XTrim_OnNodesOf1_StopsAtTheDefaultLimit()
    {
        var key = StreamKeys.New("nodes1");
        await WithNodeMaxEntriesAsync(1, async () =>
        {
            var script = new List<string[]>();
            for (var i = 1; i <= 102; i++) script.Add(["XADD", key, $"{i}-0", "f", "v"]);
            script.Add(["XTRIM", key, "MAXLEN", "~", "1"]);
            script.Add(["XLEN", key]);
            script.Add(["XRANGE", key, "-", "+"]);
            await fixture.AssertSameScriptAsync(script);
        });
    }

    [Fact]
    public async Task XTrim_OnNodesOf2_RemovesNothingWhenAWholeNodeExceedsTheLimit()
    {
        var key = StreamKeys.New("nodes2");
        await WithNodeMaxEntriesAsync(2, async () =>
        {
            await fixture.AssertSameScriptAsync(
            [
                ["XADD", key, "1-0", "f", "v"],
                ["XADD", key, "2-0", "f", "v"],
                ["XADD", key, "3-0", "f", "v"],
                ["XTRIM", key, "MAXLEN", "~", "0", "LIMIT", "1"],
                ["XTRIM", key, "MAXLEN", "~", "0", "LIMIT", "2"],
                ["XLEN", key],
            ]);
        });
    }

    [Fact]
    public async Task ConfigSet_OfNodeLimits_ValidatesAndReadsBackAsRedisDoes()
    {
        try
        {
            await fixture.AssertSameScriptAsync(
            [
                ["CONFIG", "SET", "stream-node-max-entries", "4kb"],
                ["CONFIG", "SET", "stream-node-max-entries", "-1"],
                ["CONFIG", "SET", "stream-node-max-bytes", "x"],
                ["CONFIG", "SET", "stream-node-max-bytes", "-5"],
                ["CONFIG", "SET", "stream-node-max-bytes", "8kb"],
                ["CONFIG", "SET", "stream-node-max-entries", "50"],
                ["CONFIG", "GET", "stream-node-max-bytes"],
                ["CONFIG", "GET", "stream-node-max-entries"],
            ]);
            Assert.Equal(50, fixture.SiloServer.Services.GetRequiredService<StreamSettings>().NodeMaxEntries);
            Assert.Equal(8192, fixture.SiloServer.Services.GetRequiredService<StreamSettings>().NodeMaxBytes);
        }
        finally
        {
            await fixture.AssertSameAsync("CONFIG", "SET", "stream-node-max-entries", "100", "stream-node-max-bytes", "4096");
        }
    }

    /// <summary>Runs a test with smaller nodes on both servers, set the way users set them: CONFIG SET.</summary>
    private async Task WithNodeMaxEntriesAsync(int entries, Func<Task> test)
    {
        var previous = fixture.SiloServer.Services.GetRequiredService<StreamSettings>().NodeMaxEntries;
        await fixture.AssertSameAsync("CONFIG", "SET", "stream-node-max-entries", entries.ToString());
        try
        {
            await test();
        }
        finally
        {
            await fixture.AssertSameAsync("CONFIG", "SET", "stream-node-max-entries", previous.ToString());
        }
    }
}

using System.Net.Sockets;
using System.Text;
using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Robustness;

/// <summary>
/// Throws malformed frames, random bytes, truncated commands and vanishing clients at a silo, then checks it
/// still serves everyone and its data is intact.
/// </summary>
public sealed class GarbageInputTests : IAsyncLifetime
{
    private InProcessSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await InProcessSilo.StartAsync(["--proto-max-bulk-len", "1048576"]);

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Theory]
    [InlineData("*1\r\n+PING\r\n", "-ERR Protocol error: expected '$', got '+'\r\n")]
    [InlineData("*x\r\n", "-ERR Protocol error: invalid multibulk length\r\n")]
    [InlineData("*1\r\n$2000000\r\n", "-ERR Protocol error: invalid bulk length\r\n")]
    [InlineData("ECHO \"open\r\n", "-ERR Protocol error: unbalanced quotes in request\r\n")]
    public async Task MalformedFrame_GetsProtocolErrorAndTheConnectionIsClosed(string frame, string expected)
    {
        await using var client = await _silo.ConnectAsync();
        await client.SendRawAsync(Encoding.Latin1.GetBytes(frame));
        var reply = await client.ReadReplyAsync();
        Assert.Equal(expected, reply);
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task ErrorRepliesComeBeforeTheCloseForEarlierPipelinedCommands()
    {
        await using var client = await _silo.ConnectAsync();
        await client.SendRawAsync("PING\r\n*1\r\n$4\r\nPING\r\n*-\r\n"u8.ToArray());
        Assert.Equal("+PONG\r\n", await client.ReadReplyAsync());
        Assert.Equal("+PONG\r\n", await client.ReadReplyAsync());
        Assert.StartsWith("-ERR Protocol error", await client.ReadReplyAsync());
    }

    [Fact]
    public async Task RandomBytesAndVanishingClients_LeaveTheSiloServingWithDataIntact()
    {
        await using var writer = await _silo.ConnectAsync();
        for (var i = 1; i <= 50; i++)
        {
            var id = $"{i}-0";
            Assert.Equal($"${id.Length}\r\n{id}\r\n", await writer.ExecuteAsync("XADD", "robust:s", id, "n", i.ToString()));
        }
        var before = await writer.ExecuteAsync("XRANGE", "robust:s", "-", "+");

        var random = new Random(42);
        var attacks = Enumerable.Range(0, 40).Select(async n =>
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync("127.0.0.1", _silo.Port);
            var stream = tcp.GetStream();
            byte[] payload;
            lock (random)
            {
                payload = new byte[random.Next(1, 4096)];
                random.NextBytes(payload);
                if (n % 4 == 0) payload[0] = (byte)'*';
            }
            switch (n % 5)
            {
                case 0: // a truncated command, then gone
                    payload = "*3\r\n$4\r\nXADD\r\n$8\r\nrobust:s\r\n$3\r\n1"u8.ToArray();
                    break;
                case 1: // blocked forever, then gone
                    payload = RawRespClient.Encode("XREAD", "BLOCK", "0", "STREAMS", "robust:s", "$");
                    break;
            }
            try
            {
                await stream.WriteAsync(payload);
                await Task.Delay(20);
            }
            catch (IOException)
            {
                // The silo may close a garbage connection before we finish writing.
            }
            tcp.Client.Close();
        });
        await Task.WhenAll(attacks);

        await using var checker = await _silo.ConnectAsync();
        Assert.Equal("+PONG\r\n", await checker.ExecuteAsync("PING"));
        Assert.Equal(before, await checker.ExecuteAsync("XRANGE", "robust:s", "-", "+"));
        Assert.Equal(":50\r\n", await checker.ExecuteAsync("XLEN", "robust:s"));
        Assert.Equal("$4\r\n51-0\r\n", await checker.ExecuteAsync("XADD", "robust:s", "51-0", "n", "51"));
        await WaitForAsync(async () => (await checker.ExecuteAsync("INFO", "clients")).Contains("blocked_clients:0\r\n"), "blocked clients to be released after their connections vanished");
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }
}

using OrleansStreams.Silo.Tests.Durability;
using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Streams;

namespace OrleansStreams.Silo.Tests.BeyondRedis;

/// <summary>XGROUPPOLICY SET/GET/DEL over a real connection: replies in RESP2 and RESP3, errors, XINFO GROUPS, COMMAND.</summary>
public sealed class XGroupPolicyCommandTests : IAsyncLifetime
{
    private InProcessSilo _silo = null!;
    private RawRespClient _client = null!;

    public async Task InitializeAsync()
    {
        _silo = await InProcessSilo.StartAsync();
        _client = await _silo.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _silo.DisposeAsync();
    }

    private async Task<string> GroupAsync()
    {
        var key = StreamKeys.New("policy");
        Assert.Equal("+OK\r\n", await _client.ExecuteAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM"));
        return key;
    }

    [Fact]
    public async Task SetGetDel_ReplyOk_AMapOfSettingsAndCounters_ThenNil()
    {
        var key = await GroupAsync();

        Assert.Equal("+OK\r\n", await _client.ExecuteAsync("XGROUPPOLICY", "SET", key, "g", "CLAIMIDLE", "5000", "MAXDELIVERIES", "3", "DEADLETTER", key + ":dlq"));
        Assert.Equal(
            $"*10\r\n$10\r\nclaim-idle\r\n:5000\r\n$14\r\nmax-deliveries\r\n:3\r\n$11\r\ndead-letter\r\n${key.Length + 4}\r\n{key}:dlq\r\n$9\r\nreclaimed\r\n:0\r\n$13\r\ndead-lettered\r\n:0\r\n",
            await _client.ExecuteAsync("XGROUPPOLICY", "GET", key, "g"));
        Assert.Equal("+OK\r\n", await _client.ExecuteAsync("XGROUPPOLICY", "SET", key, "g", "CLAIMIDLE", "100"));
        Assert.Equal(
            "*10\r\n$10\r\nclaim-idle\r\n:100\r\n$14\r\nmax-deliveries\r\n:0\r\n$11\r\ndead-letter\r\n$-1\r\n$9\r\nreclaimed\r\n:0\r\n$13\r\ndead-lettered\r\n:0\r\n",
            await _client.ExecuteAsync("XGROUPPOLICY", "GET", key, "g"));

        Assert.Equal("+OK\r\n", await _client.ExecuteAsync("XGROUPPOLICY", "DEL", key, "g"));
        Assert.Equal("$-1\r\n", await _client.ExecuteAsync("XGROUPPOLICY", "GET", key, "g"));
        Assert.Equal("+OK\r\n", await _client.ExecuteAsync("XGROUPPOLICY", "DEL", key, "g"));
    }

    [Fact]
    public async Task Get_InResp3_IsAMap()
    {
        var key = await GroupAsync();
        await _client.ExecuteAsync("HELLO", "3");
        await _client.ExecuteAsync("XGROUPPOLICY", "SET", key, "g", "CLAIMIDLE", "7");

        Assert.Equal(
            "%5\r\n$10\r\nclaim-idle\r\n:7\r\n$14\r\nmax-deliveries\r\n:0\r\n$11\r\ndead-letter\r\n_\r\n$9\r\nreclaimed\r\n:0\r\n$13\r\ndead-lettered\r\n:0\r\n",
            await _client.ExecuteAsync("XGROUPPOLICY", "GET", key, "g"));
        Assert.Equal("_\r\n", await _client.ExecuteAsync("XGROUPPOLICY", "GET", await GroupAsync(), "g"));
    }

    [Fact]
    public async Task MissingGroupOrKey_IsNoGroup_WordedAsXPendingWordsIt()
    {
        var key = await GroupAsync();
        string[][] commands =
        [
            ["XGROUPPOLICY", "SET", key, "nope", "CLAIMIDLE", "10"],
            ["XGROUPPOLICY", "GET", key, "nope"],
            ["XGROUPPOLICY", "DEL", key, "nope"],
        ];
        foreach (var command in commands)
        {
            Assert.Equal($"-NOGROUP No such key '{key}' or consumer group 'nope'\r\n", await _client.ExecuteAsync(command));
        }
        Assert.Equal("-NOGROUP No such key 'missing:policy' or consumer group 'g'\r\n", await _client.ExecuteAsync("XGROUPPOLICY", "GET", "missing:policy", "g"));
        // The same words as Redis's own command for a missing group.
        Assert.Equal($"-NOGROUP No such key '{key}' or consumer group 'nope'\r\n", await _client.ExecuteAsync("XPENDING", key, "nope"));
    }

    [Fact]
    public async Task BadArguments_GetClearErrors()
    {
        var key = await GroupAsync();
        await _client.ExecuteAsync("SET", "policy:string", "x");
        (string[] Command, string Error)[] cases =
        [
            (["XGROUPPOLICY", "SET", key, "g"], "-ERR XGROUPPOLICY SET needs CLAIMIDLE\r\n"),
            (["XGROUPPOLICY", "SET", key, "g", "CLAIMIDLE"], "-ERR syntax error\r\n"),
            (["XGROUPPOLICY", "SET", key, "g", "CLAIMIDLE", "abc"], "-ERR value is not an integer or out of range\r\n"),
            (["XGROUPPOLICY", "SET", key, "g", "CLAIMIDLE", "0"], "-ERR CLAIMIDLE must be > 0\r\n"),
            (["XGROUPPOLICY", "SET", key, "g", "CLAIMIDLE", "10", "MAXDELIVERIES", "0", "DEADLETTER", "d"], "-ERR MAXDELIVERIES must be > 0\r\n"),
            (["XGROUPPOLICY", "SET", key, "g", "CLAIMIDLE", "10", "MAXDELIVERIES", "2"], "-ERR MAXDELIVERIES and DEADLETTER must be given together\r\n"),
            (["XGROUPPOLICY", "SET", key, "g", "CLAIMIDLE", "10", "DEADLETTER", "d"], "-ERR MAXDELIVERIES and DEADLETTER must be given together\r\n"),
            (["XGROUPPOLICY", "SET", key, "g", "CLAIMIDLE", "10", "MAXDELIVERIES", "2", "DEADLETTER", key], "-ERR DEADLETTER must name another stream than the group's\r\n"),
            (["XGROUPPOLICY", "SET", key, "g", "CLAIMIDLE", "10", "MAXDELIVERIES", "2", "DEADLETTER", "policy:string"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"),
            (["XGROUPPOLICY", "SET", key, "g", "CLAIMIDLE", "10", "BOGUS", "1"], "-ERR syntax error\r\n"),
            (["XGROUPPOLICY", "SET", "policy:string", "g", "CLAIMIDLE", "10"], "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"),
            (["XGROUPPOLICY", "GET", key], "-ERR wrong number of arguments for 'xgrouppolicy|get' command\r\n"),
            (["XGROUPPOLICY", "BOGUS", key, "g"], "-ERR unknown subcommand 'BOGUS'. Try XGROUPPOLICY HELP.\r\n"),
        ];
        foreach (var (command, error) in cases)
        {
            Assert.Equal((string.Join(' ', command), error), (string.Join(' ', command), await _client.ExecuteAsync(command)));
        }
        Assert.Equal("$-1\r\n", await _client.ExecuteAsync("XGROUPPOLICY", "GET", key, "g"));
    }

    [Fact]
    public async Task XInfoGroups_ShowsPolicyAndCounters_OnlyForTheGroupThatHasOne()
    {
        var key = await GroupAsync();
        Assert.Equal("+OK\r\n", await _client.ExecuteAsync("XGROUP", "CREATE", key, "plain", "$"));
        var before = await _client.ExecuteAsync("XINFO", "GROUPS", key);
        await _client.ExecuteAsync("XGROUPPOLICY", "SET", key, "g", "CLAIMIDLE", "60000");

        var groups = Resp.Array(await _client.ExecuteAsync("XINFO", "GROUPS", key));

        var withPolicy = (List<object?>)groups[0]!;
        var plain = (List<object?>)groups[1]!;
        Assert.Equal((List<object?>)Resp.Array(before)[0]!, withPolicy.Take(12));
        Assert.Equal(["claim-idle", 60000L, "max-deliveries", 0L, "dead-letter", null, "reclaimed", 0L, "dead-lettered", 0L], withPolicy.Skip(12));
        Assert.Equal(12, plain.Count);
        Assert.Equal(Resp.Array(before)[1], plain);
    }

    [Fact]
    public async Task Command_DescribesTheNewCommands()
    {
        var info = Resp.Array(await _client.ExecuteAsync("COMMAND", "INFO", "XGROUPPOLICY", "XADDIF", "XADDMULTIIF"));

        var policy = (List<object?>)info[0]!;
        Assert.Equal(["xgrouppolicy", -2L], policy.Take(2));
        var subcommands = ((List<object?>)policy[9]!).Cast<List<object?>>().Select(s => $"{s[0]} {s[1]} {s[3]}").Order().ToArray();
        Assert.Equal(["xgrouppolicy|del 4 2", "xgrouppolicy|get 4 2", "xgrouppolicy|help 2 0", "xgrouppolicy|set -4 2"], subcommands);
        Assert.Equal(["xaddif", -7L, new List<object?> { "write", "fast" }, 1L, 1L, 1L], ((List<object?>)info[1]!).Take(6));
        Assert.Equal(["xaddmultiif", -10L, new List<object?> { "write" }, 1L, 1L, 1L], ((List<object?>)info[2]!).Take(6));
    }
}

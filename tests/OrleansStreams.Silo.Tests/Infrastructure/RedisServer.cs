using System.Diagnostics;

namespace OrleansStreams.Silo.Tests.Infrastructure;

/// <summary>A real redis-server (Debian's) on a free loopback port, without persistence: the oracle for differential tests.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<RedisServer> StartAsync(params string[] extraArgs)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "no" }.Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start; install it (apt-get install redis-server).");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                // Any reply (PONG, or NOAUTH with requirepass) means the server is serving.
                await using var client = await RawRespClient.ConnectAsync(port);
                await client.ExecuteAsync("PING");
                return server;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    public Task<RawRespClient> ConnectAsync() => RawRespClient.ConnectAsync(Port);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

namespace OrleansStreams.Client;

/// <summary>Where the silo is and how the client talks to it.</summary>
public sealed record StreamsClientOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 6380;

    /// <summary>Sent with AUTH on every new connection when set.</summary>
    public string? Password { get; init; }

    /// <summary>ACL user for AUTH; null sends AUTH with the password only.</summary>
    public string? User { get; init; }

    /// <summary>Set with CLIENT SETNAME on every new connection when set (no spaces).</summary>
    public string? ClientName { get; init; }

    /// <summary>Shared connections that carry pipelined non-blocking commands.</summary>
    public int PoolSize { get; init; } = 2;

    /// <summary>Idle dedicated connections kept for blocking reads; more are opened when needed.</summary>
    public int MaxIdleBlockingConnections { get; init; } = 8;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a command may wait for a connection and its reply; a blocking read gets its BLOCK time on top.
    /// <see cref="Timeout.InfiniteTimeSpan"/> leaves it to the caller's cancellation token.
    /// </summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before reconnecting after a failed attempt; doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Options for "host:port" (or just "host").</summary>
    public static StreamsClientOptions Parse(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        if (colon < 0) return new StreamsClientOptions { Host = endpoint };
        return new StreamsClientOptions
        {
            Host = endpoint[..colon],
            Port = int.Parse(endpoint[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

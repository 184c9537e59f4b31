using Microsoft.Extensions.Configuration;
using OrleansStreams.Api.Authentication;

namespace OrleansStreams.Api.Hosting;

/// <summary>The API's settings, read from the command line (<c>--silo-port 6380</c>) or configuration, like the silo's.</summary>
public sealed record ApiOptions
{
    /// <summary>HTTP port of the API and dashboard (<c>--port</c>); 0 picks a free port.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>HTTP listen address (<c>--bind</c>): an IP address, or <c>*</c> for all.</summary>
    public string Bind { get; init; } = "127.0.0.1";

    /// <summary>Host of the silo's RESP listener (<c>--silo-host</c>).</summary>
    public string SiloHost { get; init; } = "127.0.0.1";

    /// <summary>Port of the silo's RESP listener (<c>--silo-port</c>).</summary>
    public int SiloPort { get; init; } = 6380;

    /// <summary>The silo's <c>requirepass</c> (<c>--silo-password</c>), when it has one.</summary>
    public string? SiloPassword { get; init; }

    /// <summary>How long a silo call may take, connecting included (<c>--silo-timeout</c> seconds).</summary>
    public TimeSpan SiloTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public ApiAuthenticationOptions Authentication { get; init; } = new();

    /// <summary>Reads and checks the settings; a value that cannot be used throws <see cref="ApiOptionsException"/>.</summary>
    public static ApiOptions FromConfiguration(IConfiguration configuration)
    {
        var defaults = new ApiOptions();
        var options = new ApiOptions
        {
            Port = ReadPort(configuration, "port", defaults.Port),
            Bind = configuration["bind"] is { Length: > 0 } bind ? bind : defaults.Bind,
            SiloHost = configuration["silo-host"] is { Length: > 0 } host ? host : defaults.SiloHost,
            SiloPort = ReadPort(configuration, "silo-port", defaults.SiloPort),
            SiloPassword = configuration["silo-password"] is { Length: > 0 } password ? password : null,
            SiloTimeout = ReadTimeout(configuration, "silo-timeout", defaults.SiloTimeout),
            Authentication = ApiAuthenticationOptions.FromConfiguration(configuration),
        };
        if (options.Bind is not ("*" or "0.0.0.0") && !System.Net.IPAddress.TryParse(options.Bind, out _))
        {
            throw new ApiOptionsException($"--bind '{options.Bind}' is not an IP address: use for example 127.0.0.1, or * for all addresses.");
        }
        return options;
    }

    private static TimeSpan ReadTimeout(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrEmpty(text)) return fallback;
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
        {
            throw new ApiOptionsException($"--{key} '{text}' is not a positive number of seconds.");
        }
        return TimeSpan.FromSeconds(seconds);
    }

    private static int ReadPort(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrEmpty(text)) return fallback;
        if (!int.TryParse(text, out var port) || port is < 0 or > 65535)
        {
            throw new ApiOptionsException($"--{key} '{text}' is not a port number (0-65535).");
        }
        return port;
    }
}

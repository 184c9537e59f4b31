using System.Net.Http;
using OrleansStreams.AppHost;

// Starts the whole system locally on the embedded default store and stops it on Ctrl+C.
var respPort = ArgValue("--resp-port", "6380");
var siloHttpPort = ArgValue("--silo-http-port", "6381");
var apiPort = ArgValue("--api-port", "8080");
var dataDir = ArgValue("--data-dir", Path.Combine(RepositoryRoot(), "data"));
#if DEBUG
const string configuration = "Debug";
#else
const string configuration = "Release";
#endif
var siloDll = Path.Combine(RepositoryRoot(), "src", "OrleansStreams.Silo", "bin", configuration, "net10.0", "OrleansStreams.Silo.dll");
var apiDll = Path.Combine(RepositoryRoot(), "src", "OrleansStreams.Api", "bin", configuration, "net10.0", "OrleansStreams.Api.dll");

await using var silo = new ChildProcess("silo", "dotnet", [siloDll, "--port", respPort, "--http-port", siloHttpPort, "--data-dir", dataDir]);
// Extra arguments after "--" go to the API (for example --api-keys).
var apiArgs = Array.IndexOf(args, "--") is var split and >= 0 ? args[(split + 1)..] : [];
await using var api = new ChildProcess("api", "dotnet", [apiDll, "--port", apiPort, "--silo-port", respPort, .. apiArgs]);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

silo.Start();
if (!await WaitHealthyAsync($"http://127.0.0.1:{siloHttpPort}/health", stop.Token))
{
    await Console.Error.WriteLineAsync("AppHost: the silo did not become healthy.");
    return 1;
}
api.Start();
if (!await WaitHealthyAsync($"http://127.0.0.1:{apiPort}/health", stop.Token))
{
    await Console.Error.WriteLineAsync("AppHost: the API did not become healthy.");
    return 1;
}
Console.WriteLine($"AppHost: silo RESP   redis://127.0.0.1:{respPort}");
Console.WriteLine($"AppHost: silo health http://127.0.0.1:{siloHttpPort}/health");
Console.WriteLine($"AppHost: HTTP API    http://127.0.0.1:{apiPort}/api  (OpenAPI: /openapi/v1.json)");
Console.WriteLine($"AppHost: dashboard   http://127.0.0.1:{apiPort}/");
Console.WriteLine("AppHost: ready. Press Ctrl+C to stop.");
try
{
    while (!silo.HasExited && !api.HasExited) await Task.Delay(500, stop.Token);
    await Console.Error.WriteLineAsync($"AppHost: the {(silo.HasExited ? "silo" : "API")} exited.");
    return 1;
}
catch (OperationCanceledException)
{
    Console.WriteLine("AppHost: stopping.");
    return 0;
}

static async Task<bool> WaitHealthyAsync(string url, CancellationToken cancellationToken)
{
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            if (response.IsSuccessStatusCode) return true;
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The attempt timed out; try again.
        }
        await Task.Delay(200, CancellationToken.None);
    }
    return false;
}

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrleansStreams.sln"))) directory = directory.Parent;
    return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (OrleansStreams.sln).");
}

string ArgValue(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

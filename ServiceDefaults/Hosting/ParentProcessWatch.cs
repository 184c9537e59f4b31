using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansStreams.ServiceDefaults.Hosting;

/// <summary>
/// For a process started by the AppHost (ORLEANSSTREAMS_STOP_WITH_PARENT=stdin): its standard input is a pipe the
/// AppHost holds open and never writes, so end-of-file means the AppHost is gone — even killed with SIGKILL, when
/// it could not stop anything — and this process shuts down gracefully instead of living on as an orphan.
/// </summary>
internal sealed partial class ParentProcessWatch(IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<ParentProcessWatch> logger) : IHostedService
{
    public const string Variable = "ORLEANSSTREAMS_STOP_WITH_PARENT";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration[Variable] != "stdin") return Task.CompletedTask;
        // A background thread, not a task: a read of stdin cannot be cancelled, and it must not hold up shutdown.
        new Thread(WatchStandardInput) { IsBackground = true, Name = "AppHost parent watch" }.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void WatchStandardInput()
    {
        try
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (input.Read(buffer, 0, buffer.Length) > 0)
            {
                // The AppHost writes nothing; anything read is ignored.
            }
        }
        catch (IOException)
        {
            // A broken pipe means the same as end-of-file.
        }

        LogParentGone(logger);
        lifetime.StopApplication();
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "The AppHost that started this process is gone (standard input closed); shutting down")]
    private static partial void LogParentGone(ILogger logger);
}

using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using OrleansStreams.Protocol;
using OrleansStreams.Silo.Commands;

namespace OrleansStreams.Silo.Connections;

/// <summary>
/// Serves one client over any duplex pipe (a Kestrel socket in the silo, an in-memory pipe in tests): parses the
/// pipelined commands in each read, runs them in order, and flushes their replies together.
/// </summary>
public sealed partial class RespConnection(IDuplexPipe transport, ClientSession session, CommandDispatcher dispatcher, SiloServices services, ILogger logger)
{
    private const int FlushThreshold = 64 * 1024;

    public async Task RunAsync(CancellationToken connectionClosed)
    {
        var input = transport.Input;
        var output = transport.Output;
        var writer = new RespWriter(output);
        var context = new CommandContext(services, session, writer, connectionClosed);
        var args = new CommandArguments();
        try
        {
            while (!session.CloseRequested)
            {
                var result = await input.ReadAsync(connectionClosed).ConfigureAwait(false);
                var buffer = result.Buffer;
                var consumed = buffer.Start;
                try
                {
                    while (!session.CloseRequested)
                    {
                        var status = RequestParser.TryParse(ref buffer, args, services.Options.Limits, session.Authenticated || services.Options.RequirePass is null, out var error);
                        if (status == ParseStatus.NeedMoreData) break;
                        consumed = buffer.Start;
                        if (status == ParseStatus.ProtocolError)
                        {
                            LogProtocolError(logger, session.Id, error!);
                            writer.WriteError("ERR " + error);
                            session.CloseRequested = true;
                            break;
                        }
                        if (args.Count == 0) continue;
                        writer.Protocol = session.Protocol;
                        await dispatcher.ExecuteAsync(context, args).ConfigureAwait(false);
                        if (output.UnflushedBytes > FlushThreshold) await output.FlushAsync(connectionClosed).ConfigureAwait(false);
                    }
                }
                finally
                {
                    input.AdvanceTo(consumed, buffer.End);
                }
                await output.FlushAsync(connectionClosed).ConfigureAwait(false);
                if (result.IsCompleted || result.IsCanceled) break;
            }
        }
        catch (OperationCanceledException) when (connectionClosed.IsCancellationRequested)
        {
            // The client went away, possibly mid-command or while blocked; nothing to reply to.
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            LogConnectionFault(logger, session.Id, exception.Message);
        }
        finally
        {
            foreach (var key in session.Watched.Keys) services.Watches.Unwatch(key);
            session.Watched.Clear();
            services.Clients.Close(session);
            await input.CompleteAsync().ConfigureAwait(false);
            await output.CompleteAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Client {ClientId} sent a bad request: {Error}")]
    private static partial void LogProtocolError(ILogger logger, long clientId, string error);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Client {ClientId} connection ended: {Reason}")]
    private static partial void LogConnectionFault(ILogger logger, long clientId, string reason);
}

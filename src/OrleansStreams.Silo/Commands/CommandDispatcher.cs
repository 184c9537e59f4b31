using System.Text;
using Microsoft.Extensions.Logging;
using OrleansStreams.Protocol;
using OrleansStreams.Silo.Connections;
using OrleansStreams.Silo.Diagnostics;
using OrleansStreams.Silo.Storage;

namespace OrleansStreams.Silo.Commands;

/// <summary>
/// Takes a parsed command through the checks every command shares (known name, authentication, arity, MULTI
/// queueing), then runs its handler inside the execution gate and invalidates WATCHes on the keys it wrote.
/// </summary>
public sealed partial class CommandDispatcher(SiloServices services, CommandTable table, RespInstruments instruments, ILogger<CommandDispatcher> logger)
{
    public CommandTable Table { get; } = table;

    public async ValueTask ExecuteAsync(CommandContext context, CommandArguments args)
    {
        var client = context.Client;
        if (!TryResolve(context, args, out var definition)) return;
        client.LastCommand = definition.FullName;
        client.LastInteractionMs = services.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

        if (services.Options.RequirePass is not null && !client.Authenticated && !definition.HasFlag(CommandFlags.NoAuth))
        {
            FailInTransaction(client);
            context.Reply.WriteError("NOAUTH Authentication required.");
            return;
        }

        if (client.InMulti && !definition.HasFlag(CommandFlags.Transaction))
        {
            client.Queued!.Add(args.Clone());
            context.Reply.WriteSimpleString("QUEUED"u8);
            return;
        }

        context.Args = args;
        context.Definition = definition;
        context.NowMs = client.LastInteractionMs;
        if (definition.HasFlag(CommandFlags.Blocking) || definition.HasFlag(CommandFlags.NoGate))
        {
            await RunAsync(context, definition).ConfigureAwait(false);
            return;
        }
        await services.Gate.EnterSharedAsync(context.Aborted).ConfigureAwait(false);
        try
        {
            await RunAsync(context, definition).ConfigureAwait(false);
        }
        finally
        {
            services.Gate.ExitShared();
        }
    }

    /// <summary>Runs a command queued by MULTI; the caller (EXEC) holds the gate exclusively.</summary>
    public async ValueTask ExecuteQueuedAsync(CommandContext context, CommandArguments args)
    {
        if (!TryResolve(context, args, out var definition)) return;
        context.Args = args;
        context.Definition = definition;
        await RunAsync(context, definition).ConfigureAwait(false);
    }

    private bool TryResolve(CommandContext context, CommandArguments args, out CommandDefinition definition)
    {
        if (!Table.TryGet(args[0], out definition))
        {
            FailInTransaction(context.Client);
            context.Reply.WriteError(UnknownCommand(args));
            return false;
        }
        if (definition.Subcommands is { } subcommands)
        {
            if (args.Count < 2 || !definition.ArityMatches(args.Count))
            {
                FailInTransaction(context.Client);
                context.Reply.WriteError($"ERR wrong number of arguments for '{definition.Name}' command");
                return false;
            }
            if (!subcommands.TryGetValue(args.Text(1), out var subcommand))
            {
                FailInTransaction(context.Client);
                context.Reply.WriteError($"ERR unknown subcommand '{Truncate(args.Text(1))}'. Try {definition.Name.ToUpperInvariant()} HELP.");
                return false;
            }
            definition = subcommand;
        }
        if (!definition.ArityMatches(args.Count))
        {
            FailInTransaction(context.Client);
            context.Reply.WriteError($"ERR wrong number of arguments for '{definition.FullName}' command");
            return false;
        }
        return true;
    }

    private async ValueTask RunAsync(CommandContext context, CommandDefinition definition)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var activity = RespInstruments.StartCommand(definition.FullName);
        try
        {
            await definition.Handler!(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.Aborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A fault inside one command must not take down the connection or the silo.
            LogCommandFailed(logger, definition.FullName, exception);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, exception.Message);
            context.Reply.WriteError(StorageFailureReply.For(exception) ?? $"ERR {exception.Message}");
        }
        if (definition.HasFlag(CommandFlags.Write) && !definition.HasFlag(CommandFlags.KeepsWatches) && definition.FirstKey > 0) TouchKeys(context, definition);
        instruments.CommandCompleted(definition.FullName, started);
    }

    private void TouchKeys(CommandContext context, CommandDefinition definition)
    {
        var args = context.Args;
        var last = definition.LastKey < 0 ? args.Count + definition.LastKey : definition.LastKey;
        var step = Math.Max(1, definition.Step);
        for (var i = definition.FirstKey; i <= last && i < args.Count; i += step)
        {
            services.Watches.Touch(args.Text(i));
        }
    }

    private static void FailInTransaction(ClientSession client)
    {
        if (client.InMulti) client.TransactionFailed = true;
    }

    private static string UnknownCommand(CommandArguments args)
    {
        var builder = new StringBuilder("ERR unknown command '").Append(Truncate(args.Text(0))).Append("', with args beginning with: ");
        for (var i = 1; i < args.Count && builder.Length < 512; i++)
        {
            builder.Append('\'').Append(Truncate(args.Text(i))).Append("' ");
        }
        return builder.ToString();
    }

    private static string Truncate(string value) => value.Length > 128 ? value[..128] : value;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Command {Command} failed")]
    private static partial void LogCommandFailed(ILogger logger, string command, Exception exception);
}

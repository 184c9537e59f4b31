using Microsoft.Extensions.DependencyInjection;

namespace OrleansStreams.Silo.Commands.Server;

/// <summary>CONFIG GET pattern [pattern ...] / CONFIG SET parameter value [parameter value ...] / CONFIG RESETSTAT.</summary>
public static class ConfigCommand
{
    public static void AddSubcommands(SubcommandBuilder builder) => builder
        .Add("get", -3, CommandFlags.NoGate, 0, 0, 0, Get)
        .Add("set", -4, CommandFlags.NoGate, 0, 0, 0, Set)
        .Add("resetstat", 2, CommandFlags.NoGate, 0, 0, 0, ResetStat);

    private static ValueTask Get(CommandContext context)
    {
        var configuration = context.Services.Services.GetRequiredService<ServerConfiguration>();
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 2; i < context.Args.Count; i++)
        {
            foreach (var (name, value) in configuration.Get(context.Args.Text(i))) found[name] = value;
        }
        context.Reply.WriteMapHeader(found.Count);
        foreach (var (name, value) in found)
        {
            context.Reply.WriteBulk(name);
            context.Reply.WriteBulk(value);
        }
        return ValueTask.CompletedTask;
    }

    private static ValueTask Set(CommandContext context)
    {
        var configuration = context.Services.Services.GetRequiredService<ServerConfiguration>();
        var args = context.Args;
        if ((args.Count - 2) % 2 != 0)
        {
            context.WrongArity();
            return ValueTask.CompletedTask;
        }
        for (var i = 2; i < args.Count; i += 2)
        {
            var name = args.Text(i);
            if (!configuration.TryGetParameter(name, out var parameter) || parameter.Set is null)
            {
                context.Reply.WriteError($"ERR Unknown option or number of arguments for CONFIG SET - '{name}'");
                return ValueTask.CompletedTask;
            }
        }
        for (var i = 2; i < args.Count; i += 2)
        {
            configuration.TryGetParameter(args.Text(i), out var parameter);
            if (parameter.Set!(args.Text(i + 1)) is { } problem)
            {
                context.Reply.WriteError($"ERR CONFIG SET failed (possibly related to argument '{args.Text(i)}') - {problem}");
                return ValueTask.CompletedTask;
            }
        }
        context.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }

    private static ValueTask ResetStat(CommandContext context)
    {
        context.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }
}

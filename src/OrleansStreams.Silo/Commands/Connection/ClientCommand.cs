using System.Text;
using OrleansStreams.Silo.Connections;

namespace OrleansStreams.Silo.Commands.Connection;

/// <summary>CLIENT SETNAME/GETNAME/ID/SETINFO/INFO/LIST.</summary>
public static class ClientCommand
{
    public const string InvalidNameError = "ERR Client names cannot contain spaces, newlines or special characters.";

    public static void AddSubcommands(SubcommandBuilder builder) => builder
        .Add("setname", 3, CommandFlags.NoGate, 0, 0, 0, SetName)
        .Add("getname", 2, CommandFlags.NoGate, 0, 0, 0, GetName)
        .Add("id", 2, CommandFlags.NoGate, 0, 0, 0, Id)
        .Add("setinfo", 4, CommandFlags.NoGate, 0, 0, 0, SetInfo)
        .Add("info", 2, CommandFlags.NoGate, 0, 0, 0, Info)
        .Add("list", -2, CommandFlags.NoGate, 0, 0, 0, List);

    public static bool IsValidName(string name)
    {
        foreach (var c in name)
        {
            if (c < '!' || c > '~') return false;
        }
        return true;
    }

    private static ValueTask SetName(CommandContext context)
    {
        var name = context.Args.Text(2);
        if (!IsValidName(name)) context.Reply.WriteError(InvalidNameError);
        else
        {
            context.Client.Name = name.Length == 0 ? null : name;
            context.Reply.WriteOk();
        }
        return ValueTask.CompletedTask;
    }

    private static ValueTask GetName(CommandContext context)
    {
        if (context.Client.Name is { } name) context.Reply.WriteBulk(name);
        else context.Reply.WriteNullBulk();
        return ValueTask.CompletedTask;
    }

    private static ValueTask Id(CommandContext context)
    {
        context.Reply.WriteInteger(context.Client.Id);
        return ValueTask.CompletedTask;
    }

    private static ValueTask SetInfo(CommandContext context)
    {
        var value = context.Args.Text(3);
        if (context.Args.Is(2, "LIB-NAME"u8))
        {
            if (!IsValidName(value)) { context.Reply.WriteError("ERR lib-name cannot contain spaces, newlines or special characters."); return ValueTask.CompletedTask; }
            context.Client.LibraryName = value;
        }
        else if (context.Args.Is(2, "LIB-VER"u8))
        {
            if (!IsValidName(value)) { context.Reply.WriteError("ERR lib-ver cannot contain spaces, newlines or special characters."); return ValueTask.CompletedTask; }
            context.Client.LibraryVersion = value;
        }
        else
        {
            context.Reply.WriteError($"ERR Unrecognized option '{context.Args.Text(2)}'");
            return ValueTask.CompletedTask;
        }
        context.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }

    private static ValueTask Info(CommandContext context)
    {
        context.Reply.WriteVerbatimText(Describe(context.Client, context.NowMs) + "\n");
        return ValueTask.CompletedTask;
    }

    private static ValueTask List(CommandContext context)
    {
        var builder = new StringBuilder();
        foreach (var client in context.Services.Clients.All) builder.Append(Describe(client, context.NowMs)).Append('\n');
        context.Reply.WriteVerbatimText(builder.ToString());
        return ValueTask.CompletedTask;
    }

    private static string Describe(ClientSession client, long nowMs)
    {
        var age = (nowMs - client.ConnectedAtMs) / 1000;
        var idle = (nowMs - client.LastInteractionMs) / 1000;
        var flags = client.InMulti ? "x" : client.Blocked ? "b" : "N";
        return $"id={client.Id} addr={client.RemoteEndPoint} laddr= fd=0 name={client.Name} age={age} idle={Math.Max(0, idle)} flags={flags} db=0 sub=0 psub=0 ssub=0 multi={(client.InMulti ? client.Queued!.Count : -1)} qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=0 rbp=0 obl=0 oll=0 omem=0 tot-mem=0 events=r cmd={client.LastCommand} user=default redir=-1 resp={client.Protocol} lib-name={client.LibraryName} lib-ver={client.LibraryVersion}";
    }
}

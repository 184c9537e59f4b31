using OrleansStreams.Protocol;

namespace OrleansStreams.Silo.Commands.Connection;

/// <summary>HELLO [protover [AUTH username password] [SETNAME clientname]]: switches RESP version and describes the server.</summary>
public static class HelloCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        var client = context.Client;
        var protocol = client.Protocol;
        if (args.Count >= 2)
        {
            if (!long.TryParse(args.Text(1), out var requested) || requested is < int.MinValue or > int.MaxValue)
            {
                context.Reply.WriteError("ERR Protocol version is not an integer or out of range");
                return ValueTask.CompletedTask;
            }
            if (requested is not (2 or 3))
            {
                context.Reply.WriteError("NOPROTO unsupported protocol version");
                return ValueTask.CompletedTask;
            }
            protocol = (int)requested;
        }

        string? name = null;
        for (var i = 2; i < args.Count; i++)
        {
            var moreArgs = args.Count - 1 - i;
            if (args.Is(i, "AUTH"u8) && moreArgs >= 2)
            {
                if (!AuthCommand.TryAuthenticate(context, args.Text(i + 1), args.Text(i + 2))) return ValueTask.CompletedTask;
                i += 2;
            }
            else if (args.Is(i, "SETNAME"u8) && moreArgs >= 1)
            {
                name = args.Text(i + 1);
                if (!ClientCommand.IsValidName(name))
                {
                    context.Reply.WriteError(ClientCommand.InvalidNameError);
                    return ValueTask.CompletedTask;
                }
                i += 1;
            }
            else
            {
                context.Reply.WriteError($"ERR Syntax error in HELLO option '{args.Text(i)}'");
                return ValueTask.CompletedTask;
            }
        }

        if (context.Services.Options.RequirePass is not null && !client.Authenticated)
        {
            context.Reply.WriteError("NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time");
            return ValueTask.CompletedTask;
        }

        if (name is not null) client.Name = name.Length == 0 ? null : name;
        client.Protocol = protocol;
        var reply = context.Reply;
        reply.Protocol = protocol;
        reply.WriteMapHeader(7);
        reply.WriteBulk("server"u8);
        reply.WriteBulk("redis"u8);
        reply.WriteBulk("version"u8);
        reply.WriteBulk(ServerIdentity.RedisVersion);
        reply.WriteBulk("proto"u8);
        reply.WriteInteger(protocol);
        reply.WriteBulk("id"u8);
        reply.WriteInteger(client.Id);
        reply.WriteBulk("mode"u8);
        reply.WriteBulk("standalone"u8);
        reply.WriteBulk("role"u8);
        reply.WriteBulk("master"u8);
        reply.WriteBulk("modules"u8);
        reply.WriteArrayHeader(0);
        return ValueTask.CompletedTask;
    }
}

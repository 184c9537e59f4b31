using System.Security.Cryptography;
using System.Text;

namespace OrleansStreams.Silo.Commands.Connection;

/// <summary>AUTH [username] password, against --requirepass (the "default" user).</summary>
public static class AuthCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        if (args.Count > 3)
        {
            context.Reply.WriteError("ERR syntax error");
            return ValueTask.CompletedTask;
        }
        if (context.Services.Options.RequirePass is null && args.Count == 2)
        {
            context.Reply.WriteError("ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?");
            return ValueTask.CompletedTask;
        }
        var user = args.Count == 3 ? args.Text(1) : "default";
        if (TryAuthenticate(context, user, args.Text(args.Count - 1))) context.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }

    /// <summary>Checks the credentials; on failure writes WRONGPASS and returns false.</summary>
    public static bool TryAuthenticate(CommandContext context, string user, string password)
    {
        var required = context.Services.Options.RequirePass;
        var ok = user == "default" && (required is null || CryptographicOperations.FixedTimeEquals(Encoding.Latin1.GetBytes(password), Encoding.Latin1.GetBytes(required)));
        if (!ok)
        {
            context.Reply.WriteError("WRONGPASS invalid username-password pair or user is disabled.");
            return false;
        }
        context.Client.Authenticated = true;
        return true;
    }
}

using OrleansStreams.Silo.Commands.Strings;

namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>HMGET key field [field ...]: one value or nil per field; a missing key gives all nils.</summary>
public static class HMGetCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        if (!HashKey.TryFind(context, out var grain)) return;
        var fields = HashKey.Fields(context, 2);
        var values = new byte[]?[fields.Length];
        if (grain is not null)
        {
            var nowMs = context.NowMs;
            var read = await grain.InvokeAsync(g => g.GetManyAsync(fields, nowMs)).ConfigureAwait(false);
            if (!HashKey.Check(context, read)) return;
            values = read.Value;
        }
        context.Reply.WriteArrayHeader(values.Length);
        foreach (var value in values) GetCommand.WriteValue(context, value);
    }
}

namespace OrleansStreams.Client.Tests.Infrastructure;

/// <summary>Skips a test of an OrleansStreams extension command while the server does not have it yet.</summary>
public static class ServerExtensions
{
    public static async Task RequireCommandAsync(StreamsClient client, params string[] probe)
    {
        var reply = await client.ExecuteAsync(probe);
        var text = reply.IsError ? reply.AsString() ?? "" : "";
        Skip.If(text.StartsWith("ERR unknown command", StringComparison.Ordinal), $"The server does not implement {probe[0]} yet (issue 5): {text}");
    }
}

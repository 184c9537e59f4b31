namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>An error reply, as <see cref="Resp.Parse"/> returns it.</summary>
public sealed record RespError(string Message);

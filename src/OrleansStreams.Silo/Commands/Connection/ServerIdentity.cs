namespace OrleansStreams.Silo.Commands.Connection;

/// <summary>What the silo reports as its Redis version: the Redis semantics it follows.</summary>
public static class ServerIdentity
{
    public const string RedisVersion = "7.4.0";

    public const string ProductVersion = "0.1.0";
}

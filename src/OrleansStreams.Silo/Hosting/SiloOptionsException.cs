namespace OrleansStreams.Silo.Hosting;

/// <summary>A command-line or configuration value the silo cannot use; the message says which and what is allowed.</summary>
public sealed class SiloOptionsException(string message) : Exception(message);

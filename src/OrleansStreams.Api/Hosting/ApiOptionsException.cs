namespace OrleansStreams.Api.Hosting;

/// <summary>A setting the API cannot start with; the message says which and what to use instead.</summary>
public sealed class ApiOptionsException(string message) : Exception(message);

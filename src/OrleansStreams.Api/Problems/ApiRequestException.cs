namespace OrleansStreams.Api.Problems;

/// <summary>A request the API rejects before calling the silo (bad base64, missing field); becomes a 400 problem.</summary>
public sealed class ApiRequestException(string message) : Exception(message);

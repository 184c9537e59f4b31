namespace OrleansStreams.AppHost.Children;

/// <summary>How one child starts: arguments after its dll, extra environment, where its health is, and the URLs to print.</summary>
public sealed record ChildLaunch(
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    Uri HealthUrl,
    IReadOnlyList<(string Label, string Url)> Urls);

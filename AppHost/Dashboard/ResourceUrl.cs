namespace OrleansStreams.AppHost.Dashboard;

public sealed record ResourceUrl(string Label, string Url);

namespace OrleansStreams.AppHost.Children;

/// <summary>
/// The table of processes. Addresses go in with the names Aspire injects (services__{name}__{endpoint}__0) as
/// well as each program's own options.
/// </summary>
public static class ChildCatalog
{
    public static IReadOnlyList<ChildDefinition> All { get; } =
    [
        new("silo", "src/OrleansStreams.Silo", [], plan =>
        {
            List<string> args = ["--port", $"{plan.RespPort}", "--http-port", $"{plan.SiloHttpPort}", "--bind", "127.0.0.1", "--storage", plan.Options.Storage];
            if (plan.Options.Storage == "sqlite") args.AddRange(["--data-dir", plan.DataDir]);
            if (plan.Options.Storage == "postgres") args.AddRange(["--postgres", plan.Options.Postgres!]);
            return new ChildLaunch(
                args,
                new Dictionary<string, string>(),
                new Uri($"http://127.0.0.1:{plan.SiloHttpPort}/health"),
                [("silo RESP", $"redis://127.0.0.1:{plan.RespPort}"), ("silo health", $"http://127.0.0.1:{plan.SiloHttpPort}/health")]);
        }),
        new("api", "src/OrleansStreams.Api", ["silo"], plan => new ChildLaunch(
            ["--port", $"{plan.ApiPort}", "--bind", "127.0.0.1", "--silo-host", "127.0.0.1", "--silo-port", $"{plan.RespPort}", .. plan.Options.ApiArguments],
            new Dictionary<string, string> { ["services__silo__resp__0"] = $"tcp://127.0.0.1:{plan.RespPort}" },
            new Uri($"http://127.0.0.1:{plan.ApiPort}/health"),
            [("API", $"http://127.0.0.1:{plan.ApiPort}/"), ("API dashboard", $"http://127.0.0.1:{plan.ApiPort}/"), ("OpenAPI", $"http://127.0.0.1:{plan.ApiPort}/openapi/v1.json")])),
    ];
}

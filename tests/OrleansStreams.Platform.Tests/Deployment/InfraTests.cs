using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansStreams.Platform.Tests.AppHost;

namespace OrleansStreams.Platform.Tests.Deployment;

/// <summary>infra/ compiles with the real Bicep compiler (from its NuGet package), lints clean, and says what the deployment must.</summary>
public sealed class InfraTests
{
    private static string Bicep
    {
        get
        {
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var path = Path.Combine(packages, "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep");
            Assert.True(File.Exists(path), $"The Bicep compiler is not restored at {path} (the test project downloads it).");
            // NuGet extracts without the executable bit (the tests run on Linux only: they use /proc and signals).
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
            return path;
        }
    }

    [Fact]
    public async Task MainBicep_CompilesAndLintsWithoutWarnings()
    {
        var build = await ToolRun.RunAsync(Bicep, AppHostProcess.RepositoryRoot, "build", "infra/main.bicep", "--stdout");
        var lint = await ToolRun.RunAsync(Bicep, AppHostProcess.RepositoryRoot, "lint", "infra/main.bicep");

        Assert.True(build.ExitCode == 0, build.Errors);
        Assert.Equal("", build.Errors.Trim());
        Assert.True(lint.ExitCode == 0, lint.Errors + lint.Output);
        Assert.Equal("", (lint.Errors + lint.Output).Trim());
    }

    [Fact]
    public async Task Deployment_KeepsTheSiloInternal_TheApiPublic_AndSecretsInTheSecretStore()
    {
        var build = await ToolRun.RunAsync(Bicep, AppHostProcess.RepositoryRoot, "build", "infra/main.bicep", "--stdout");
        Assert.True(build.ExitCode == 0, build.Errors);
        var template = JsonNode.Parse(build.Output)!;
        var outputs = template["outputs"]!.AsObject();
        Assert.True(outputs.ContainsKey("AZURE_CONTAINER_REGISTRY_ENDPOINT"), "azd pushes images to this output.");
        var deployment = template["resources"]!.AsArray().Single(r => (string?)r!["type"] == "Microsoft.Resources/deployments")!;
        var resources = deployment["properties"]!["template"]!["resources"]!.AsArray().Select(r => r!).ToList();

        var apps = resources.Where(r => (string?)r["type"] == "Microsoft.App/containerApps").ToDictionary(r => ServiceName(r));
        Assert.Equal(["api", "silo"], apps.Keys.Order());
        var siloIngress = apps["silo"]["properties"]!["configuration"]!["ingress"]!;
        Assert.False((bool)siloIngress["external"]!);
        Assert.Equal("tcp", (string?)siloIngress["transport"]);
        Assert.All(siloIngress["additionalPortMappings"]!.AsArray(), port => Assert.False((bool)port!["external"]!));
        var apiIngress = apps["api"]["properties"]!["configuration"]!["ingress"]!;
        Assert.True((bool)apiIngress["external"]!);
        // The connection string and the silo password are secrets the containers reference, never plain values.
        var siloSecrets = apps["silo"]["properties"]!["configuration"]!["secrets"]!.AsArray().Select(s => (string?)s!["name"]).ToList();
        Assert.Contains("postgres-connection", siloSecrets);
        Assert.Contains("silo-password", siloSecrets);
        Assert.Contains("secretRef", apps["silo"]["properties"]!["template"]!.ToJsonString());
        Assert.Contains(resources, r => (string?)r["type"] == "Microsoft.DBforPostgreSQL/flexibleServers");
        var environment = resources.Single(r => (string?)r["type"] == "Microsoft.App/managedEnvironments");
        Assert.Contains("appInsights", environment["properties"]!["openTelemetryConfiguration"]!.ToJsonString());
    }

    [Fact]
    public async Task ContainerBaseImage_IsMicrosoftsAspNetImageByDefault_AndAProperty()
    {
        var project = Path.Combine("src", "OrleansStreams.Silo", "OrleansStreams.Silo.csproj");
        var cloud = await ToolRun.RunAsync("dotnet", AppHostProcess.RepositoryRoot, "msbuild", project, "-getProperty:ContainerBaseImage", "-getProperty:ContainerRepository", "-getProperty:ContainerUser");
        var ci = await ToolRun.RunAsync("dotnet", AppHostProcess.RepositoryRoot, "msbuild", project, "-getProperty:ContainerBaseImage", "-p:OrleansStreamsContainerBase=localhost:5000/ci-base:10.0");

        Assert.True(cloud.ExitCode == 0, cloud.Errors + cloud.Output);
        var properties = JsonDocument.Parse(cloud.Output).RootElement.GetProperty("Properties");
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", properties.GetProperty("ContainerBaseImage").GetString());
        Assert.Equal("orleansstreams-silo", properties.GetProperty("ContainerRepository").GetString());
        Assert.Equal("1654", properties.GetProperty("ContainerUser").GetString());
        Assert.True(ci.ExitCode == 0, ci.Errors + ci.Output);
        Assert.Equal("localhost:5000/ci-base:10.0", ci.Output.Trim());
    }

    /// <summary>The azd-service-name tag azd finds each app by (an expression in the compiled template: union(tags, {...})).</summary>
    private static string ServiceName(JsonNode resource)
    {
        var match = System.Text.RegularExpressions.Regex.Match(resource["tags"] is JsonValue tags ? tags.GetValue<string>() : resource["tags"]?.ToJsonString() ?? "", "azd-service-name', '([a-z]+)'");
        return match.Success ? match.Groups[1].Value : "";
    }
}

using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Clients;

/// <summary>
/// The workflows of the tutorials the product was specified from (../shared/seeds/), as redis-py scripts using the
/// tutorials' own code: each runs against redis-server first (so its expectations are proven) and then against the
/// silo, and both runs must print the same lines (the scripts print only values every server must agree on).
/// </summary>
public sealed class ConsumerGroupWorkflowTests(WorkflowServers servers) : IClassFixture<WorkflowServers>
{
    [Theory]
    [InlineData("workflow_publisher.py")]
    [InlineData("workflow_consumer.py")]
    [InlineData("workflow_reclaim.py")]
    [InlineData("workflow_autoclaim.py")]
    [InlineData("workflow_projection.py")]
    [InlineData("workflow_trim.py")]
    [InlineData("workflow_info.py")]
    [InlineData("workflow_asyncio.py")]
    public async Task Workflow_RunsUnchanged_AndPrintsWhatRedisPrints(string script)
    {
        var prefix = $"wf:{Path.GetFileNameWithoutExtension(script)}:{Guid.NewGuid():N}";
        var oracle = await ExternalProcess.RunPythonAsync(script, servers.Redis.Port.ToString(), prefix);
        Assert.True(oracle.ExitCode == 0, $"{script} fails against redis-server itself:\n{oracle.Output}\n{oracle.Error}");

        var result = await ExternalProcess.RunPythonAsync(script, servers.Silo.Port.ToString(), prefix);

        Assert.True(result.ExitCode == 0, $"{script} failed against the silo:\n{result.Output}\n{result.Error}");
        Assert.Equal(oracle.Output, result.Output);
        Assert.EndsWith("ok\n", result.Output);
    }
}

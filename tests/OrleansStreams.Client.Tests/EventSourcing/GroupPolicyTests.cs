using OrleansStreams.Client.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.EventSourcing;

[Collection(SiloCollection.Name)]
public sealed class GroupPolicyTests(SiloFixture fixture)
{
    private StreamsClient Client => fixture.Client;

    [SkippableFact]
    public async Task PolicySet_IsReadBackByGet_AndRemovedByDel()
    {
        await ServerExtensions.RequireCommandAsync(Client, "XGROUPPOLICY", "GET", TestKeys.New("probe"), "g");
        var key = TestKeys.New("policy");
        var deadLetters = TestKeys.New("policy-dlq");
        await Client.XGroupCreateAsync(key, "g", "$", mkStream: true);

        await Client.XGroupPolicySetAsync(key, "g", new GroupPolicy { ClaimIdle = TimeSpan.FromSeconds(30), MaxDeliveries = 5, DeadLetter = deadLetters });
        var policy = await Client.XGroupPolicyGetAsync(key, "g");

        Assert.NotNull(policy);
        Assert.Equal(TimeSpan.FromSeconds(30), policy.ClaimIdle);
        Assert.Equal(5, policy.MaxDeliveries);
        Assert.Equal(deadLetters, policy.DeadLetter);
        Assert.Equal(0, policy.Reclaimed);
        Assert.Equal(0, policy.DeadLettered);
        var group = Assert.Single(await Client.XInfoGroupsAsync(key));
        Assert.Equal(5, group.Policy?.MaxDeliveries);

        await Client.XGroupPolicyDelAsync(key, "g");
        Assert.Null(await Client.XGroupPolicyGetAsync(key, "g"));
    }

    [SkippableFact]
    public async Task PolicySet_OnAMissingGroup_IsNoGroup()
    {
        await ServerExtensions.RequireCommandAsync(Client, "XGROUPPOLICY", "GET", TestKeys.New("probe"), "g");
        var key = TestKeys.New("policy-nogroup");
        await Client.XAddAsync(key, ("f", "v"));
        var error = await Assert.ThrowsAsync<StreamsServerException>(() => Client.XGroupPolicySetAsync(key, "missing", new GroupPolicy { ClaimIdle = TimeSpan.FromSeconds(1) }));
        Assert.Equal("NOGROUP", error.ErrorCode);
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace OrleansStreams.GrainHost.Tests;

/// <summary>Reminders: stored in the journal storage, fired after a restart (activating the grain), once per period.</summary>
public sealed class ReminderTests
{
    private static readonly GrainId ReminderGrainId = new("reminder", "r1");

    [Fact]
    public async Task Reminder_SurvivesARestart_FiresAtStartUp_AndActivatesTheGrain()
    {
        var storage = new MemoryJournalStorage();
        var clock = new FakeTimeProvider();
        await using (var before = new TestHost(journals: storage, clock: clock))
        {
            await before.Grain<IReminderGrain>("r1").InvokeAsync(g => g.RegisterAsync("wake", TimeSpan.FromMinutes(10)));
        }

        await using var after = new TestHost(journals: storage, clock: clock);
        var reminders = after.Services.GetRequiredService<GrainReminderService>();
        await reminders.StartAsync(CancellationToken.None);
        Assert.True(reminders.IsRegistered(ReminderGrainId, "wake"));
        Assert.Equal(0, after.Runtime.ActivationCount);

        clock.Advance(TimeSpan.FromSeconds(1));

        await after.Probe.WhenSignalled("reminded:r1:wake:1");
        Assert.Equal(1, after.Runtime.ActivationCount);
        await reminders.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Reminder_FiresOncePerPeriod()
    {
        await using var host = new TestHost();
        var reminders = host.Services.GetRequiredService<GrainReminderService>();
        await reminders.StartAsync(CancellationToken.None);
        await host.Grain<IReminderGrain>("r1").InvokeAsync(g => g.RegisterAsync("tick", TimeSpan.FromSeconds(5)));

        host.Clock.Advance(TimeSpan.FromSeconds(4));
        await reminders.FireDueRemindersAsync().WaitAsync(TestTimeouts.Default);
        Assert.False(host.Probe.IsSignalled("reminded:r1:tick:1"));

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.Probe.WhenSignalled("reminded:r1:tick:1");
        await reminders.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task UnregisteredReminder_IsGoneAfterARestart()
    {
        var storage = new MemoryJournalStorage();
        await using (var before = new TestHost(journals: storage))
        {
            var grain = before.Grain<IReminderGrain>("r1");
            await grain.InvokeAsync(g => g.RegisterAsync("a", TimeSpan.FromMinutes(1)));
            await grain.InvokeAsync(g => g.RegisterAsync("b", TimeSpan.FromMinutes(1)));
            await grain.InvokeAsync(g => g.UnregisterAsync("a"));
        }

        await using var after = new TestHost(journals: storage);
        var reminders = after.Services.GetRequiredService<GrainReminderService>();
        await reminders.StartAsync(CancellationToken.None);

        Assert.False(reminders.IsRegistered(ReminderGrainId, "a"));
        Assert.True(reminders.IsRegistered(ReminderGrainId, "b"));
        Assert.Equal(1, reminders.Count);
        await reminders.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ManyChanges_AreCompactedIntoASnapshot_ThatReadsBackTheSameTable()
    {
        var storage = new MemoryJournalStorage();
        await using (var before = new TestHost(journals: storage))
        {
            for (var i = 0; i < 100; i++)
            {
                var grain = before.Grain<IReminderGrain>($"g{i % 10}");
                await grain.InvokeAsync(g => g.RegisterAsync("r", TimeSpan.FromSeconds(10 + i)));
            }
        }
        var journal = await storage.ReadAsync(GrainReminderService.JournalOwner, GrainReminderService.JournalName, CancellationToken.None);
        Assert.NotNull(journal.Snapshot);
        Assert.True(journal.Records.Count < 100);

        await using var after = new TestHost(journals: storage);
        var reminders = after.Services.GetRequiredService<GrainReminderService>();
        await reminders.StartAsync(CancellationToken.None);
        Assert.Equal(10, reminders.Count);
        await reminders.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task DamagedReminderRecord_FailsLoudly()
    {
        var storage = new MemoryJournalStorage();
        await storage.AppendAsync(GrainReminderService.JournalOwner, GrainReminderService.JournalName, [new byte[] { 1, 1, 0, 0, 0, 0, 0, 0, 9 }], 0, CancellationToken.None);

        await using var host = new TestHost(journals: storage);
        var reminders = host.Services.GetRequiredService<GrainReminderService>();

        await Assert.ThrowsAsync<InvalidDataException>(() => reminders.StartAsync(CancellationToken.None));
    }
}

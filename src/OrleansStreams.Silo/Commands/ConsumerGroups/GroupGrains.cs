using OrleansStreams.ConsumerGroups;
using OrleansStreams.GrainHost;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

internal static class GroupGrains
{
    /// <summary>The grain of group <paramref name="group"/> on stream <paramref name="key"/>.</summary>
    public static IGrainReference<IConsumerGroupGrain> Get(CommandContext context, string key, string group)
        => context.Grains.GetGrain<IConsumerGroupGrain>(ConsumerGroupKey.Create(key, group));
}

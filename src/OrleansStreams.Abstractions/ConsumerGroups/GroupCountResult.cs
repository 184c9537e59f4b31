namespace OrleansStreams.ConsumerGroups;

/// <summary>An integer reply (XACK, XGROUP DESTROY / CREATECONSUMER / DELCONSUMER) or the status that prevents it.</summary>
public readonly record struct GroupCountResult(ConsumerGroupStatus Status, long Value);

namespace OrleansStreams.ConsumerGroups;

/// <summary>Gives a consumer group the view of its stream (the stream grain in the silo, an in-memory fake in tests).</summary>
public interface IStreamViewProvider
{
    IStreamView GetStream(string streamKey);
}

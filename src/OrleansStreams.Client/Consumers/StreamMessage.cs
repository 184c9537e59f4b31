namespace OrleansStreams.Client;

/// <summary>One delivery handed to a consumer's handler.</summary>
public sealed record StreamMessage(string Stream, string Group, string Consumer, StreamEntry Entry, int Attempt)
{
    public string Id => Entry.Id;
}

using System.Runtime.CompilerServices;

// The consumer-group tests check the domain types and the journal format directly.
[assembly: InternalsVisibleTo("OrleansStreams.ConsumerGroups.Tests")]

namespace OrleansStreams.GrainHost.Tests;

public interface IUnregisteredGrain : IGrainWithStringKey;

namespace OrleansStreams.GrainHost;

/// <summary>Marker for grain interfaces.</summary>
public interface IGrain;

/// <summary>Marker for grains addressed by a string key, as in Orleans.</summary>
public interface IGrainWithStringKey : IGrain;

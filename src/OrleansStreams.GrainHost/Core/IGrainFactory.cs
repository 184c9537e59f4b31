namespace OrleansStreams.GrainHost;

/// <summary>Hands out references to grains by interface and key. A reference is cheap and valid whether or not an activation exists.</summary>
public interface IGrainFactory
{
    IGrainReference<TGrainInterface> GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;
}

namespace OrleansStreams.GrainHost;

internal sealed class GrainFactory(GrainRuntime runtime) : IGrainFactory
{
    public IGrainReference<TGrainInterface> GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        var registration = runtime.GetRegistration(typeof(TGrainInterface));
        return new GrainReference<TGrainInterface>(runtime, registration, new GrainId(registration.GrainType, key));
    }
}

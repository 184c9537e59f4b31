namespace OrleansStreams.GrainHost;

internal sealed class GrainReference<TGrainInterface>(GrainRuntime runtime, GrainTypeRegistration registration, GrainId grainId)
    : IGrainReference<TGrainInterface> where TGrainInterface : IGrainWithStringKey
{
    // Saves the catalog lookup when a reference is reused; refreshed once that activation is gone.
    private ActivationData? _activation;

    public GrainId GrainId { get; } = grainId;

    public ValueTask<TResult> InvokeAsync<TResult>(Func<TGrainInterface, ValueTask<TResult>> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ActivationData activation;
        try
        {
            activation = GetActivation();
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<TResult>(exception);
        }

        return activation.InvokeAsync<TGrainInterface, Func<TGrainInterface, ValueTask<TResult>>, TResult>(static (grain, r) => r(grain), request, cancellationToken);
    }

    public ValueTask InvokeAsync(Func<TGrainInterface, ValueTask> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ActivationData activation;
        try
        {
            activation = GetActivation();
        }
        catch (Exception exception)
        {
            return ValueTask.FromException(exception);
        }

        return activation.InvokeAsync(request, cancellationToken);
    }

    private ActivationData GetActivation()
    {
        var activation = Volatile.Read(ref _activation);
        if (activation is null || activation.IsDefunct)
        {
            activation = runtime.GetOrCreateActivation(GrainId, registration);
            Volatile.Write(ref _activation, activation);
        }

        return activation;
    }

    public override string ToString() => GrainId.ToString();
}

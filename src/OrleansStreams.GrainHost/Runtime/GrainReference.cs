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

        if (GrainHostInstruments.ActivitySource.HasListeners()) return InvokeTracedAsync(activation, request, cancellationToken);
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

        if (GrainHostInstruments.ActivitySource.HasListeners()) return InvokeTracedAsync(activation, request, cancellationToken);
        return activation.InvokeAsync(request, cancellationToken);
    }

    // The span is current while the request is queued, so the grain's turn (and its storage writes) run under it.
    private async ValueTask<TResult> InvokeTracedAsync<TResult>(ActivationData activation, Func<TGrainInterface, ValueTask<TResult>> request, CancellationToken cancellationToken)
    {
        using var activity = GrainHostInstruments.StartCall(registration, GrainId);
        try
        {
            return await activation.InvokeAsync<TGrainInterface, Func<TGrainInterface, ValueTask<TResult>>, TResult>(static (grain, r) => r(grain), request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    private async ValueTask InvokeTracedAsync(ActivationData activation, Func<TGrainInterface, ValueTask> request, CancellationToken cancellationToken)
    {
        using var activity = GrainHostInstruments.StartCall(registration, GrainId);
        try
        {
            await activation.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, exception.Message);
            throw;
        }
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

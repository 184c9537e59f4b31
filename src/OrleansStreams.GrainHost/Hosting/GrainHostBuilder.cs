using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansStreams.GrainHost;

/// <summary>Returned by AddGrainHost to register grain types.</summary>
public sealed class GrainHostBuilder
{
    internal GrainHostBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    /// <summary>
    /// Binds <typeparamref name="TInterface"/> to <typeparamref name="TImplementation"/> under the grain type name
    /// <paramref name="grainType"/> (the first half of every <see cref="GrainId"/> of it, so keep it stable: it
    /// names stored state). The implementation is built per activation with ActivatorUtilities from the
    /// activation's service scope, so it may take constructor dependencies.
    /// </summary>
    public GrainHostBuilder AddGrain<TInterface, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation>(string grainType)
        where TInterface : IGrainWithStringKey
        where TImplementation : Grain, TInterface
    {
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        Services.AddSingleton(new GrainTypeRegistration(grainType, typeof(TInterface), typeof(TImplementation)));
        return this;
    }
}

using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansStreams.GrainHost;

/// <summary>A grain interface bound to its implementation and grain type name; registered in DI by AddGrain.</summary>
internal sealed class GrainTypeRegistration(
    string grainType,
    Type interfaceType,
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type implementationType)
{
    // Built once: ActivatorUtilities' per-call reflection would dominate activation cost.
    private readonly ObjectFactory _factory = ActivatorUtilities.CreateFactory(implementationType, Type.EmptyTypes);

    public string GrainType { get; } = grainType;

    public Type InterfaceType { get; } = interfaceType;

    public Type ImplementationType { get; } = implementationType;

    public Grain CreateGrain(IServiceProvider services) => (Grain)_factory(services, null);
}

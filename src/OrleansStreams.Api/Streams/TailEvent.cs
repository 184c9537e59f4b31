using System.Text.Json.Serialization;
using OrleansStreams.Api.Entries;

namespace OrleansStreams.Api.Streams;

/// <summary>The data of a tail or consume event: an <see cref="EntryResponse"/> ("entry") or a <see cref="ReadyEvent"/> ("ready").</summary>
[JsonDerivedType(typeof(EntryResponse))]
[JsonDerivedType(typeof(ReadyEvent))]
public abstract record TailEvent;

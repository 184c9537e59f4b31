using System.Text;
using System.Text.Unicode;

namespace OrleansStreams.Client;

/// <summary>
/// A binary-safe field name or value. Strings convert to and from it as UTF-8; <see cref="IsText"/> tells whether
/// the bytes are valid UTF-8, for callers (such as an HTTP API) that must fall back to base64.
/// </summary>
public readonly struct StreamValue : IEquatable<StreamValue>
{
    private readonly byte[]? _bytes;

    public StreamValue(byte[] bytes) => _bytes = bytes;

    public StreamValue(string text) => _bytes = Encoding.UTF8.GetBytes(text);

    public ReadOnlyMemory<byte> Memory => _bytes;

    public ReadOnlySpan<byte> Span => _bytes;

    public int Length => _bytes?.Length ?? 0;

    public bool IsText => Utf8.IsValid(Span);

    public static implicit operator StreamValue(string text) => new(text);

    public static implicit operator StreamValue(byte[] bytes) => new(bytes);

    public byte[] ToArray() => Span.ToArray();

    /// <summary>The bytes as UTF-8 text (invalid sequences become U+FFFD; check <see cref="IsText"/> first when that matters).</summary>
    public override string ToString() => _bytes is null ? "" : Encoding.UTF8.GetString(_bytes);

    public bool Equals(StreamValue other) => Span.SequenceEqual(other.Span);

    public override bool Equals(object? obj) => obj is StreamValue other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Span);
        return hash.ToHashCode();
    }

    public static bool operator ==(StreamValue left, StreamValue right) => left.Equals(right);

    public static bool operator !=(StreamValue left, StreamValue right) => !left.Equals(right);
}

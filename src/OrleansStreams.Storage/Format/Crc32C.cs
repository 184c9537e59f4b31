using System.Buffers.Binary;
using System.Numerics;

namespace OrleansStreams.Storage;

/// <summary>
/// CRC-32C (Castagnoli): initial value and final XOR 0xFFFFFFFF, reflected. BitOperations.Crc32C uses the
/// CPU's CRC instruction where there is one and a table otherwise, so this stays fast without a package.
/// </summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Start, data));

    public const uint Start = 0xFFFFFFFFu;

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }

    public static uint Finish(uint crc) => ~crc;
}

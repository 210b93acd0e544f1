using System;
using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;

namespace EvidenceCatalog.Runtime.Sampling;

/// <summary>
/// The digest of one event of a population: XXH3-128 (seed 0) over the event's identifying fields, each as a 32-bit
/// big-endian byte length and its UTF-8 bytes, in this order: id, time, type, outcome, actor — time as a signed 64-bit
/// big-endian count of 100-nanosecond units since 1970-01-01T00:00:00Z, an absent outcome as length 0.
/// </summary>
/// <remarks>
/// A fast non-cryptographic hash on purpose: it is taken for every evidence event of a report, and SHA-256 through the
/// platform's library costs about 50 times as much for records this small (bench/README.md, "Samples"). It orders the
/// candidates and sums into the population digest; the seed and the ranks are SHA-256 (<see cref="SampleSeed"/>).
/// </remarks>
internal static class PopulationElement
{
    private const int StackLimit = 512;

    /// <summary>The element digest of an event read as UTF-8 slices.</summary>
    /// <remarks>Taken for every evidence event of a report: its buffer is not zeroed first (every byte hashed is written).</remarks>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static UInt128 Hash(ReadOnlySpan<byte> id, long utcTicks, ReadOnlySpan<byte> type, ReadOnlySpan<byte> outcome, ReadOnlySpan<byte> actor)
    {
        int length = 4 + id.Length + 4 + 8 + 4 + type.Length + 4 + outcome.Length + 4 + actor.Length;
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            int at = Field(buffer, 0, id);
            BinaryPrimitives.WriteInt32BigEndian(buffer[at..], 8);
            BinaryPrimitives.WriteInt64BigEndian(buffer[(at + 4)..], utcTicks - DateTime.UnixEpoch.Ticks);
            at += 12;
            at = Field(buffer, at, type);
            at = Field(buffer, at, outcome);
            at = Field(buffer, at, actor);
            return XxHash128.HashToUInt128(buffer[..at]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The element digest of an event given as strings (a store's row).</summary>
    public static UInt128 Hash(string id, long utcTicks, string type, string? outcome, string actor)
    {
        int length = Encoding.UTF8.GetMaxByteCount(id.Length + type.Length + (outcome?.Length ?? 0) + actor.Length);
        byte[]? rented = null;
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            int idLength = Encoding.UTF8.GetBytes(id, buffer);
            int typeLength = Encoding.UTF8.GetBytes(type, buffer[idLength..]);
            int outcomeLength = outcome is null ? 0 : Encoding.UTF8.GetBytes(outcome, buffer[(idLength + typeLength)..]);
            int actorLength = Encoding.UTF8.GetBytes(actor, buffer[(idLength + typeLength + outcomeLength)..]);
            var bytes = buffer[..(idLength + typeLength + outcomeLength + actorLength)];
            return Hash(
                bytes[..idLength],
                utcTicks,
                bytes.Slice(idLength, typeLength),
                bytes.Slice(idLength + typeLength, outcomeLength),
                bytes.Slice(idLength + typeLength + outcomeLength, actorLength));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The digest as 32 lower-case hex digits: its 16 bytes big-endian (xxHash's canonical form).</summary>
    public static string Hex(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return Convert.ToHexStringLower(bytes);
    }

    private static int Field(Span<byte> buffer, int at, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer[at..], value.Length);
        value.CopyTo(buffer[(at + 4)..]);
        return at + 4 + value.Length;
    }
}

using System;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>Recognises an ECDSA signature in DER form (RFC 3279: SEQUENCE { INTEGER r, INTEGER s }), to refuse it by name.</summary>
internal static class DerSignature
{
    /// <summary>Whether <paramref name="signature"/> is exactly one well-formed DER SEQUENCE of two positive INTEGERs of at most 33 bytes.</summary>
    public static bool IsDer(ReadOnlySpan<byte> signature)
    {
        if (signature.Length < 8 || signature[0] != 0x30 || signature[1] != signature.Length - 2)
        {
            return false;
        }

        var rest = signature[2..];
        return TakeInteger(ref rest) && TakeInteger(ref rest) && rest.IsEmpty;
    }

    private static bool TakeInteger(ref ReadOnlySpan<byte> data)
    {
        if (data.Length < 3 || data[0] != 0x02 || data[1] == 0 || data[1] > 33 || data[1] > data.Length - 2)
        {
            return false;
        }

        int length = data[1];
        data = data[(2 + length)..];
        return true;
    }
}

using System;
using System.Globalization;
using System.Text;

namespace EvidenceCatalog.Runtime.Signing.Dsse;

/// <summary>
/// The bytes a DSSE signature covers (protocol.md of github.com/secure-systems-lab/dsse, v1.0):
/// <c>"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body</c>, where LEN is the byte length in ASCII decimal without
/// leading zeros and the type is UTF-8. The type is inside the signed bytes, so a signature made for one payload type
/// never passes for another.
/// </summary>
public static class DssePreAuthentication
{
    /// <summary>PAE(UTF8(<paramref name="payloadType"/>), <paramref name="body"/>).</summary>
    public static byte[] Encode(string payloadType, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(payloadType);
        byte[] type = Encoding.UTF8.GetBytes(payloadType);
        byte[] prefix = Encoding.ASCII.GetBytes("DSSEv1 " + type.Length.ToString(CultureInfo.InvariantCulture) + " ");
        byte[] middle = Encoding.ASCII.GetBytes(" " + body.Length.ToString(CultureInfo.InvariantCulture) + " ");
        byte[] result = new byte[prefix.Length + type.Length + middle.Length + body.Length];
        prefix.CopyTo(result, 0);
        type.CopyTo(result, prefix.Length);
        middle.CopyTo(result, prefix.Length + type.Length);
        body.CopyTo(result.AsSpan(prefix.Length + type.Length + middle.Length));
        return result;
    }
}

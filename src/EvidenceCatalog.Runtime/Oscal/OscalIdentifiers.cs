using System;
using System.Globalization;
using System.Text;

namespace EvidenceCatalog.Runtime.Oscal;

/// <summary>
/// Every UUID of the OSCAL documents, deterministic: a version 5 UUID in <see cref="Namespace"/> of the name
/// <c>FINGERPRINT</c> followed, for each part, by <c>/LENGTH:PART</c> (so no two lists of parts give one name), where the
/// parts say what is identified (<c>component</c>, <c>IAM-01</c>). The same catalog and ids give the same UUIDs in every
/// run and in every document: a control's component has one UUID in the component definition and the assessment results.
/// </summary>
public sealed class OscalIdentifiers
{
    /// <summary>EvidenceCatalog's namespace for OSCAL UUIDs (a random version 4 UUID, fixed once).</summary>
    public static readonly Guid Namespace = new("75086087-e4ed-4019-b2da-b74552e7a7a5");

    private readonly string fingerprint;

    /// <param name="catalogFingerprint">The catalog fingerprint the documents are derived from.</param>
    public OscalIdentifiers(string catalogFingerprint)
    {
        fingerprint = catalogFingerprint ?? throw new ArgumentNullException(nameof(catalogFingerprint));
    }

    /// <summary>The UUID of the thing named by <paramref name="parts"/>.</summary>
    public string Uuid(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var name = new StringBuilder(fingerprint);
        foreach (string part in parts)
        {
            name.Append('/').Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
        }

        return NameBasedUuid.Create(Namespace, name.ToString());
    }
}

namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>Why a JSON text has no canonical form.</summary>
public enum CanonicalJsonError
{
    /// <summary>The bytes are not JSON: a syntax error, invalid UTF-8, or nesting deeper than the limit.</summary>
    InvalidJson,

    /// <summary>An object names the same member twice (RFC 8785 requires I-JSON, which forbids it).</summary>
    DuplicateMember,

    /// <summary>A string holds an escaped UTF-16 surrogate that is not half of a pair.</summary>
    LoneSurrogate,

    /// <summary>A number is too large for an IEEE 754 double.</summary>
    NumberOutOfRange,

    /// <summary>A number is not an integer in [-2^53, 2^53] while <see cref="CanonicalJsonOptions.IntegersOnly"/> is set.</summary>
    NumberNotInteger,
}

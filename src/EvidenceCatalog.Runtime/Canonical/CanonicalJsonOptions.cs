namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>How <see cref="JsonCanonicalizer"/> treats numbers and which top-level member it leaves out.</summary>
public sealed record CanonicalJsonOptions
{
    /// <summary>Plain RFC 8785: every number allowed, nothing left out.</summary>
    public static CanonicalJsonOptions Default { get; } = new();

    /// <summary>What a signed report's signature covers: integers only, the <c>signatures</c> member left out.</summary>
    public static CanonicalJsonOptions SignedReport { get; } = new() { IntegersOnly = true, ExcludedMember = "signatures" };

    /// <summary>
    /// Refuse any number that is not an integer with |n| ≤ 2^53 (<see cref="CanonicalJsonError.NumberNotInteger"/>),
    /// so that signed data holds no floating-point numbers whose text another platform might print differently.
    /// An integer written with a fraction or exponent (<c>1.0</c>, <c>1e2</c>) is accepted and written as an integer.
    /// </summary>
    public bool IntegersOnly { get; init; }

    /// <summary>A member of the top-level object to leave out of the output (compared after unescaping), or null.</summary>
    public string? ExcludedMember { get; init; }
}

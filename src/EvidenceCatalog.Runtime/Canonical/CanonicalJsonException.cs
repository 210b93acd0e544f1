using System;

namespace EvidenceCatalog.Runtime.Canonical;

/// <summary>The JSON text cannot be put in canonical form (RFC 8785); the message says what and where.</summary>
public sealed class CanonicalJsonException : Exception
{
    public CanonicalJsonException()
        : this(CanonicalJsonError.InvalidJson, "The JSON text cannot be canonicalized.", -1)
    {
    }

    public CanonicalJsonException(string message)
        : this(CanonicalJsonError.InvalidJson, message, -1)
    {
    }

    public CanonicalJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
        ByteOffset = -1;
    }

    public CanonicalJsonException(CanonicalJsonError error, string message, long byteOffset)
        : base(message)
    {
        Error = error;
        ByteOffset = byteOffset;
    }

    public CanonicalJsonException(CanonicalJsonError error, string message, long byteOffset, Exception innerException)
        : base(message, innerException)
    {
        Error = error;
        ByteOffset = byteOffset;
    }

    /// <summary>What kind of problem it is.</summary>
    public CanonicalJsonError Error { get; }

    /// <summary>Offset in the input of the value at fault, or -1 when not known.</summary>
    public long ByteOffset { get; }
}

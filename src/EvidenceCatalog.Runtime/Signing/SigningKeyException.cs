using System;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>A key could not be loaded; the message names the file or variable and says what to do.</summary>
public sealed class SigningKeyException : Exception
{
    public SigningKeyException()
        : base("The key could not be loaded.")
    {
    }

    public SigningKeyException(string message)
        : base(message)
    {
    }

    public SigningKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

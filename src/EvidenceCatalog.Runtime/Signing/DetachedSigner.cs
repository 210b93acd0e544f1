using System;
using System.IO;
using System.Security.Cryptography;

namespace EvidenceCatalog.Runtime.Signing;

/// <summary>
/// Signs a file's exact bytes while they are written: <see cref="Append(ReadOnlySpan{byte})"/> each chunk as it goes out, then
/// <see cref="Complete"/> for the <see cref="DetachedSignature"/> to store as <c>FILE.sig</c>.
/// </summary>
public sealed class DetachedSigner : IDisposable
{
    private readonly SigningKey key;
    private readonly IncrementalHash signed;
    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool completed;

    public DetachedSigner(SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        this.key = key;
        signed = key.CreateHash();
    }

    /// <summary>Signs <paramref name="data"/> in one go.</summary>
    public static DetachedSignature Sign(ReadOnlySpan<byte> data, string fileName, SigningKey key)
    {
        using var signer = new DetachedSigner(key);
        signer.Append(data);
        return signer.Complete(fileName);
    }

    /// <summary>Signs the rest of <paramref name="data"/>, read as a stream.</summary>
    public static DetachedSignature Sign(Stream data, string fileName, SigningKey key)
    {
        using var signer = new DetachedSigner(key);
        signer.Append(data);
        return signer.Complete(fileName);
    }

    /// <summary>Signs the file at <paramref name="path"/>, read as a stream; the signature names the file without its directory.</summary>
    public static DetachedSignature SignFile(string path, SigningKey key)
    {
        using var file = File.OpenRead(path);
        return Sign(file, Path.GetFileName(path), key);
    }

    /// <summary>Adds the next bytes of the file.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        signed.AppendData(data);
        sha256.AppendData(data);
    }

    /// <summary>Adds the rest of <paramref name="stream"/>.</summary>
    public void Append(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                Append(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Signs everything appended; the signer can be used no further.</summary>
    /// <param name="fileName">The name recorded in the signature (its directory is dropped).</param>
    public DetachedSignature Complete(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ObjectDisposedException.ThrowIf(completed, this);
        completed = true;
        return new DetachedSignature(
            key.Algorithm,
            key.KeyId,
            Convert.ToHexStringLower(sha256.GetHashAndReset()),
            Convert.ToBase64String(key.Sign(signed)),
            Path.GetFileName(fileName));
    }

    public void Dispose()
    {
        completed = true;
        signed.Dispose();
        sha256.Dispose();
    }
}

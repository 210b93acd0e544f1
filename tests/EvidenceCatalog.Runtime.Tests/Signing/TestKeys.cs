using System;
using System.IO;
using System.Security.Cryptography;
using EvidenceCatalog.Runtime.Signing;

namespace EvidenceCatalog.Runtime.Tests.Signing;

/// <summary>Keys for the tests, written to a temporary folder that is deleted on dispose.</summary>
internal sealed class TestKeys : IDisposable
{
    /// <summary>A P-256 key made with openssl genpkey, whose RFC 7638 thumbprint was computed independently (Python).</summary>
    public const string FixedPrivateKeyPem = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgWnx3Y9yfqesExh8s
        cTTC1lS+K9XCGLjmVcZgiJSzkvGhRANCAATEzSGpQ0ZtnoFPUwfhgiZZVqKx6oH3
        C0uTzKjnW5QYY+c8ngrJqPRylnYjFDAd/8EK4QqxZfzrYNpoBnPT2so8
        -----END PRIVATE KEY-----
        """;

    public const string FixedKeyThumbprint = "xAnfFTKX-PZjFg4mXrVO0iSTgatm15Dt2-flNpIediE";

    public TestKeys()
    {
        Folder = Path.Combine(Path.GetTempPath(), "evidence-signing-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>32 random bytes: a valid HMAC key.</summary>
    public static byte[] NewHmacKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>Writes a new P-256 key pair as PKCS#8 and SubjectPublicKeyInfo PEM files; returns their paths.</summary>
    public (string PrivateKey, string PublicKey) NewEcdsaKeyFiles(string name = "es256")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (Write(name + ".private.pem", key.ExportPkcs8PrivateKeyPem()), Write(name + ".public.pem", key.ExportSubjectPublicKeyInfoPem()));
    }

    public EcdsaSigningKey NewEcdsaKey(out VerificationKey publicKey, string name = "es256")
    {
        var (privatePath, publicPath) = NewEcdsaKeyFiles(name);
        publicKey = VerificationKey.FromPublicKeyPemFile(publicPath);
        return EcdsaSigningKey.FromPemFile(privatePath);
    }

    public string Write(string name, string text)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it is not.
        }
    }
}

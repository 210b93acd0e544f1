using System;
using EvidenceCatalog.Runtime.Signing;

namespace EvidenceCatalog.Runtime.Tests.Signing;

/// <summary><see cref="SampleReport"/> signed with a new key, with the key that verifies it.</summary>
internal sealed class SignedSample : IDisposable
{
    private readonly TestKeys? keys;

    private SignedSample(SigningKey key, VerificationKey verificationKey, TestKeys? keys)
    {
        Key = key;
        VerificationKey = verificationKey;
        this.keys = keys;
        Signed = ReportSigner.Sign(SampleReport.Bytes, key);
    }

    public SigningKey Key { get; }

    public VerificationKey VerificationKey { get; }

    /// <summary>The signed report; tests change copies of it.</summary>
    public byte[] Signed { get; }

    public static SignedSample WithHmac()
    {
        var key = HmacSigningKey.FromBytes(TestKeys.NewHmacKey());
        return new SignedSample(key, key.ToVerificationKey(), keys: null);
    }

    /// <summary>Signed with a P-256 key read from PEM files, verified with the public key file alone.</summary>
    public static SignedSample WithEcdsa()
    {
        var keys = new TestKeys();
        var key = keys.NewEcdsaKey(out var publicKey);
        return new SignedSample(key, publicKey, keys);
    }

    public VerificationResult Verify(byte[] report) => ReportVerifier.Verify(report, VerificationKey);

    /// <summary>Verifies a copy of the signed report with <paramref name="find"/> replaced once.</summary>
    public VerificationResult VerifyReplaced(string find, string replacement) => Verify(SampleReport.Replace(Signed, find, replacement));

    public void Dispose()
    {
        Key.Dispose();
        VerificationKey.Dispose();
        keys?.Dispose();
    }
}

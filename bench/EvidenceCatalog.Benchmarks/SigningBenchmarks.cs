using System;
using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EvidenceCatalog.Benchmarks.Runtime;
using EvidenceCatalog.Runtime.Canonical;
using EvidenceCatalog.Runtime.Signing;

namespace EvidenceCatalog.Benchmarks;

/// <summary>
/// Canonicalizing, signing and verifying a report of about 100 MB (<see cref="LargeReport"/>), in process, warm. Target
/// (issue): canonicalize + sign under 0.5 s. A short job (one launch, 2 warm-up and 5 measured iterations): each
/// invocation takes a large fraction of a second, so one invocation makes an iteration.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class SigningBenchmarks
{
    private byte[] report = null!;
    private byte[] signedHmac = null!;
    private byte[] signedEcdsa = null!;
    private HmacSigningKey hmacKey = null!;
    private EcdsaSigningKey ecdsaKey = null!;
    private VerificationKey hmacVerificationKey = null!;
    private VerificationKey ecdsaVerificationKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        report = LargeReport.Build();
        hmacKey = HmacSigningKey.FromBytes(RandomNumberGenerator.GetBytes(32));
        using (var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            ecdsaKey = EcdsaSigningKey.FromPem(ecdsa.ExportPkcs8PrivateKeyPem());
        }

        hmacVerificationKey = hmacKey.ToVerificationKey();
        ecdsaVerificationKey = ecdsaKey.ToVerificationKey();
        signedHmac = SignHmac();
        signedEcdsa = SignEcdsa();
        Require("HMAC", VerifyHmac());
        Require("ES256", VerifyEcdsa());
        Console.WriteLine($"// report: {report.Length:N0} bytes, canonical {JsonCanonicalizer.Canonicalize(report, CanonicalJsonOptions.SignedReport).Length:N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        hmacKey.Dispose();
        ecdsaKey.Dispose();
    }

    /// <summary>Floor: one Utf8JsonReader pass over the report, counting tokens.</summary>
    [Benchmark]
    public long ReaderScan()
    {
        var reader = new Utf8JsonReader(report);
        long tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>Floor: HMAC-SHA256 of the report's bytes as they are.</summary>
    [Benchmark]
    public byte[] HmacOfRawBytes() => hmacKey.SignData(report);

    /// <summary>The canonical form (RFC 8785, integers only, without <c>signatures</c>) as a new array.</summary>
    [Benchmark]
    public byte[] Canonicalize() => JsonCanonicalizer.Canonicalize(report, CanonicalJsonOptions.SignedReport);

    /// <summary>The canonical form, then its HMAC-SHA256: what a signature covers, computed by hand.</summary>
    [Benchmark]
    public byte[] CanonicalizeThenHmac() => hmacKey.SignData(JsonCanonicalizer.Canonicalize(report, CanonicalJsonOptions.SignedReport));

    /// <summary>ReportSigner with an HMAC key: parse, canonicalize into the hash, re-write indented with the signature.</summary>
    [Benchmark]
    public byte[] SignHmac() => ReportSigner.Sign(report, hmacKey);

    /// <summary>ReportSigner with an ECDSA P-256 key (ES256).</summary>
    [Benchmark]
    public byte[] SignEcdsa() => ReportSigner.Sign(report, ecdsaKey);

    /// <summary>ReportVerifier of the HMAC-signed report.</summary>
    [Benchmark]
    public VerificationResult VerifyHmac() => ReportVerifier.Verify(signedHmac, hmacVerificationKey);

    /// <summary>ReportVerifier of the ES256-signed report.</summary>
    [Benchmark]
    public VerificationResult VerifyEcdsa() => ReportVerifier.Verify(signedEcdsa, ecdsaVerificationKey);

    private static void Require(string what, VerificationResult result)
    {
        if (result.Outcome != VerificationOutcome.Intact)
        {
            throw new InvalidOperationException(what + " signature of the large report does not verify: " + result.Reason);
        }
    }
}

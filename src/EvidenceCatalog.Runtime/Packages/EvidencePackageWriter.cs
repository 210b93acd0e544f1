using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Signing.Dsse;

namespace EvidenceCatalog.Runtime.Packages;

/// <summary>
/// Writes a package: each file in turn, its size and SHA-256 taken as it streams out (nothing is held whole or read
/// back), then <c>manifest.json</c> listing them, then <c>bundle.dsse.json</c>, a DSSE envelope over an in-toto Statement
/// whose subjects are every file and the manifest, signed with every key.
/// </summary>
public static class EvidencePackageWriter
{
    /// <summary>Writes <paramref name="files"/> and the manifest and bundle into <paramref name="target"/>.</summary>
    /// <param name="files">The package's files, in the order to write them; paths unique and valid (<see cref="PackagePath"/>).</param>
    /// <param name="predicate">What the statement says, asked for once every file is written (a file may count what it wrote).</param>
    /// <param name="keys">At least one key; each signs the envelope.</param>
    /// <param name="target">Where the files go.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <exception cref="ArgumentException">No keys, or a path that is invalid, reserved or given twice.</exception>
    public static async Task<PackageContents> WriteAsync(
        IReadOnlyList<PackageFile> files,
        Func<PackagePredicate> predicate,
        IReadOnlyList<SigningKey> keys,
        PackageTarget target,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(target);
        if (keys.Count == 0)
        {
            throw new ArgumentException("a package is signed: give at least one signing key", nameof(keys));
        }

        Check(files);
        var written = new List<PackagedFile>(files.Count + 1);
        foreach (var file in files)
        {
            written.Add(await WriteFileAsync(target, file, cancellationToken).ConfigureAwait(false));
        }

        var manifest = PackageFile.FromBytes(PackagePath.Manifest, "application/json", PackageManifest.Write(written));
        var subjects = new List<PackagedFile>(written) { await WriteFileAsync(target, manifest, cancellationToken).ConfigureAwait(false) };
        var statementPredicate = predicate();
        byte[] statement = PackageStatement.Write(subjects, statementPredicate);
        var envelope = DsseEnvelope.Sign(DsseEnvelope.InTotoPayloadType, statement, keys);
        var bundle = PackageFile.FromBytes(PackagePath.Bundle, "application/json", envelope.ToJson());
        await WriteFileAsync(target, bundle, cancellationToken).ConfigureAwait(false);
        return new PackageContents(subjects, statementPredicate, envelope);
    }

    private static void Check(IReadOnlyList<PackageFile> files)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            if (PackagePath.Problem(file.Name) is { } problem)
            {
                throw new ArgumentException("a package file's path is invalid: " + problem, nameof(files));
            }

            if (file.Name is PackagePath.Manifest or PackagePath.Bundle)
            {
                throw new ArgumentException("'" + file.Name + "' is written by the package itself", nameof(files));
            }

            // Ignoring case: a package unpacked on a case-insensitive file system keeps every file.
            if (!names.Add(file.Name))
            {
                throw new ArgumentException("'" + file.Name + "' is given twice (paths are compared ignoring case)", nameof(files));
            }
        }
    }

    private static async Task<PackagedFile> WriteFileAsync(PackageTarget target, PackageFile file, CancellationToken cancellationToken)
    {
        using var output = target.Create(file.Name);
        using var digesting = new DigestingWriteStream(output);
        await file.WriteAsync(digesting, cancellationToken).ConfigureAwait(false);
        await digesting.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new PackagedFile(file.Name, file.MediaType, digesting.Length, digesting.Sha256());
    }

    /// <summary>Writes through, taking the size and SHA-256 of what passes.</summary>
    private sealed class DigestingWriteStream(Stream output) : Stream
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public string Sha256() => Convert.ToHexStringLower(hash.GetHashAndReset());

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            length += buffer.Length;
            output.Write(buffer);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            hash.AppendData(buffer.Span);
            length += buffer.Length;
            await output.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => output.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>What a package holds: its files with their digests (the manifest last), the predicate, and the signed envelope.</summary>
public sealed record PackageContents(IReadOnlyList<PackagedFile> Files, PackagePredicate Predicate, DsseEnvelope Envelope);

using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Cli.Caching;

/// <summary>
/// The models of catalog folders that compiled without errors, so that the runtime commands (<c>ingest</c>,
/// <c>report</c>, <c>serve</c>, ...) skip the YAML, the schemas and the checks when nothing changed: those take most of a
/// short command's start (bench/README.md, "Compiled-catalog cache").
/// </summary>
/// <remarks>
/// A model is stored under the SHA-256 of everything the compilation reads: each file's path and text, the compiler
/// options (the as-of date included, since the checks depend on it), and the builds of the compiler, the model and this
/// tool (their module version ids and the compiler's references, which fix the embedded schemas and the YAML parser). A
/// changed byte anywhere is another key, so a stale model is never found; a catalog with errors is never stored, so its
/// diagnostics always come from the compiler. A model is decoded only when its bytes have the SHA-256 stored with them
/// (computing the model's own fingerprint to check it instead cost about 6 ms of wall time and 15 ms of CPU of a
/// 155 ms start). Like the start-up profiles, the cache only ever speeds things up: a folder that cannot be read or written, or an entry that is damaged,
/// is a miss, and the catalogs are compiled as they would have been. <c>EVIDENCE_CATALOG_CACHE=off</c> turns it off.
/// </remarks>
internal sealed class CompiledCatalogCache
{
    /// <summary>The environment variable that names the cache folder, or turns the cache off with <c>off</c>.</summary>
    public const string Variable = "EVIDENCE_CATALOG_CACHE";

    /// <summary>The layout of a cache entry; part of the key.</summary>
    public const int Format = 2;

    /// <summary>Entries kept: the most recently used; older ones are deleted when a new one is stored.</summary>
    public const int Kept = 32;

    private const string Extension = ".model";

    private static readonly Lazy<string> BuildIdentity = new(DescribeBuild);

    public CompiledCatalogCache(string folder)
    {
        Folder = folder;
    }

    /// <summary>The folder the entries are kept in.</summary>
    public string Folder { get; }

    /// <summary>The folder the environment names for the cache (<see cref="Variable"/>, else the user's cache), or null when off.</summary>
    public static string? FolderFromEnvironment() => UserCache.Folder(Environment.GetEnvironmentVariable(Variable), "catalogs");

    /// <summary>The key of compiling <paramref name="files"/> (in this order) with <paramref name="options"/>: lower-case hex SHA-256.</summary>
    public static string Key(IReadOnlyList<SourceFile> files, CompilerOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, "evidence compiled catalog " + Format);
        Add(hash, BuildIdentity.Value);
        Add(hash, options.AsOf?.ToString() ?? "no as-of date");
        Add(hash, options.Strict ? "strict" : "not strict");
        Add(hash, options.Limits.ToString());
        Add(hash, files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var file in files)
        {
            Add(hash, file.Path);
            Add(hash, file.Text);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The model stored under <paramref name="key"/>, or null when there is none or it cannot be used.</summary>
    public CatalogModel? TryLoad(string key)
    {
        string path = PathOf(key);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var cached = CatalogModelCodec.Read(File.ReadAllBytes(path), Format);
            if (cached is null || cached.Key != key)
            {
                return null;
            }

            Touch(path);
            return cached.Model;
        }
        catch (Exception exception) when (IsMiss(exception))
        {
            return null;
        }
    }

    /// <summary>Marks the entry as just used, so pruning keeps it; a folder that cannot be written keeps it as it was.</summary>
    private static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Only the order of pruning depends on it.
        }
    }

    /// <summary>Stores <paramref name="model"/> under <paramref name="key"/>; a folder that cannot be written leaves it unstored.</summary>
    public void Store(string key, CatalogModel model)
    {
        try
        {
            var entry = new CachedCatalog(Format, key, model);
            AtomicFile.Write(PathOf(key), stream => CatalogModelCodec.Write(stream, entry));
            Prune();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // An optimisation: the next run compiles again.
        }
    }

    private string PathOf(string key) => Path.Combine(Folder, key + Extension);

    /// <summary>Deletes all but the <see cref="Kept"/> most recently used entries.</summary>
    private void Prune()
    {
        var entries = new DirectoryInfo(Folder).GetFiles("*" + Extension);
        if (entries.Length <= Kept)
        {
            return;
        }

        foreach (var stale in entries.OrderByDescending(e => e.LastWriteTimeUtc).Skip(Kept))
        {
            stale.Delete();
        }
    }

    /// <summary>
    /// An unreadable or damaged entry: the file system's errors, or bytes that are not a whole entry or not the ones
    /// written (<see cref="InvalidDataException"/>). Each is a miss.
    /// </summary>
    private static bool IsMiss(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or InvalidDataException;

    /// <summary>Length, then the UTF-16 code units: exact for any string, lone surrogates included.</summary>
    private static void Add(IncrementalHash hash, string text)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, text.Length);
        hash.AppendData(length);
        hash.AppendData(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    /// <summary>The builds a compiled model depends on: the compiler (with the schemas it embeds), the model, this tool, and the compiler's references by version.</summary>
    private static string DescribeBuild()
    {
        var compiler = typeof(CatalogCompiler).Assembly;
        var parts = new List<string>
        {
            compiler.ManifestModule.ModuleVersionId.ToString(),
            typeof(CatalogModel).Assembly.ManifestModule.ModuleVersionId.ToString(),
            typeof(CompiledCatalogCache).Assembly.ManifestModule.ModuleVersionId.ToString(),
        };
        parts.AddRange(compiler.GetReferencedAssemblies().Select(reference => reference.FullName).Order(StringComparer.Ordinal));
        return string.Join("\n", parts);
    }
}

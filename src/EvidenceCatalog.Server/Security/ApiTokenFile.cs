using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Server.Security;

/// <summary>
/// The server's API tokens, from a token file: one token a line, as <c>sha256:HEX USER ACCOUNT ROLE</c>, with <c>#</c>
/// comments and blank lines allowed. The file holds only the SHA-256 of each token, never the token itself, so reading
/// it does not let anyone call the API. A presented token is hashed and compared with every entry in constant time.
/// Each token names a user, the one account (tenant) it may see, and a role of the access catalog, whose permissions
/// say what it may do.
/// </summary>
public sealed class ApiTokenFile
{
    /// <summary>What a token starts with, so it is recognisable in logs and by secret scanners.</summary>
    public const string TokenPrefix = "evc_";

    private const string HashPrefix = "sha256:";
    private readonly IReadOnlyList<ApiToken> tokens;

    private ApiTokenFile(string path, IReadOnlyList<ApiToken> tokens)
    {
        Path = path;
        this.tokens = tokens;
    }

    public string Path { get; }

    public IReadOnlyList<ApiToken> Tokens => tokens;

    /// <summary>Reads a token file, resolving each role through the access catalog.</summary>
    /// <exception cref="ApiTokenFileException">The file is missing or a line is malformed (the message names the file and line).</exception>
    public static ApiTokenFile Load(string path, CatalogModel catalog)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(catalog);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ApiTokenFileException($"{path}: the token file cannot be read: {exception.Message}; create one with 'evidence token add --tokens {path} ...'");
        }

        return Parse(path, lines, catalog);
    }

    /// <summary>Parses the lines of a token file named <paramref name="path"/>.</summary>
    /// <exception cref="ApiTokenFileException">A line is malformed.</exception>
    public static ApiTokenFile Parse(string path, IReadOnlyList<string> lines, CatalogModel catalog)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(catalog);
        var roles = catalog.Roles.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var tokens = new List<ApiToken>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string at = $"{path}({i + 1})";
            string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4)
            {
                throw new ApiTokenFileException($"{at}: expected 'sha256:HEX USER ACCOUNT ROLE', found {fields.Length} field(s)");
            }

            if (!fields[0].StartsWith(HashPrefix, StringComparison.Ordinal) || !TryHex(fields[0].AsSpan(HashPrefix.Length), out byte[] hash))
            {
                throw new ApiTokenFileException($"{at}: the first field must be 'sha256:' and 64 hex digits (the token's SHA-256), never the token itself");
            }

            if (!roles.TryGetValue(fields[3], out var role))
            {
                throw new ApiTokenFileException($"{at}: role '{fields[3]}' is not a role of the access catalog; roles are: {string.Join(", ", catalog.Roles.Select(r => r.Id))}");
            }

            if (!seen.Add(fields[0]))
            {
                throw new ApiTokenFileException($"{at}: the same token hash is listed twice");
            }

            tokens.Add(new ApiToken(fields[1], fields[2], role, hash));
        }

        return new ApiTokenFile(path, tokens);
    }

    /// <summary>
    /// The entry of <paramref name="presented"/>, or null. Every entry is compared, in constant time, whatever matches,
    /// so the time taken says nothing about how close a guess was.
    /// </summary>
    public ApiToken? Authenticate(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        byte[] hash = Hash(presented);
        ApiToken? match = null;
        foreach (var token in tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, token.Sha256))
            {
                match = token;
            }
        }

        return match;
    }

    /// <summary>A new random token (32 bytes, base64url, prefixed).</summary>
    public static string NewToken() => TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Appends a line (from <see cref="Line"/>) to a token file, creating it — with a comment saying what it holds, and
    /// readable by its owner only — when it does not exist.
    /// </summary>
    public static void Append(string path, string line)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(line);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, "# EvidenceCatalog API tokens (evidence serve --tokens): sha256:HEX USER ACCOUNT ROLE, one a line.\n# Only hashes are stored; add tokens with 'evidence token add'.\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        File.AppendAllText(path, line + "\n");
    }

    /// <summary>The token file line that lets <paramref name="token"/> in.</summary>
    public static string Line(string token, string user, string account, string role) =>
        $"{HashPrefix}{Convert.ToHexStringLower(Hash(token))} {user} {account} {role}";

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryHex(ReadOnlySpan<char> hex, out byte[] bytes)
    {
        bytes = [];
        if (hex.Length != 64)
        {
            return false;
        }

        foreach (char c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        bytes = Convert.FromHexString(hex);
        return true;
    }
}

/// <summary>One API token: who holds it, the account it may see, its role (from the access catalog), and its SHA-256.</summary>
public sealed record ApiToken(string User, string Account, Role Role, byte[] Sha256)
{
    public bool Grants(string permission) => Role.Permissions.Contains(permission);
}

/// <summary>A token file that cannot be used; the message names the file and line.</summary>
public sealed class ApiTokenFileException(string message) : Exception(message);

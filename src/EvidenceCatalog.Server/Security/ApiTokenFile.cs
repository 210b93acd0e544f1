using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Server.Security;

/// <summary>
/// The server's API tokens, from a token file: one token a line, as <c>sha256:HEX USER ACCOUNT ROLE [CREATED]</c>, with
/// <c>#</c> comments and blank lines allowed (CREATED, an RFC 3339 time, came later: lines without it stay valid). The
/// file holds only the SHA-256 of each token, never the token itself, so reading it does not let anyone call the API.
/// A presented token is hashed and compared with every entry in constant time. Each token names a user, the one account
/// (tenant) it may see, and a role of the access catalog, whose permissions say what it may do.
/// </summary>
public sealed class ApiTokenFile
{
    /// <summary>What a token starts with, so it is recognisable in logs and by secret scanners.</summary>
    public const string TokenPrefix = "evc_";

    /// <summary>How a token's creation time is written: RFC 3339, in UTC, to the second.</summary>
    public const string CreatedFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private const string HashPrefix = "sha256:";
    private static readonly string[] CreatedFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");
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
            throw Unreadable(path, exception.Message);
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
            if (Fields(lines[i]) is not { } fields)
            {
                continue;
            }

            string at = $"{path}({i + 1})";
            if (fields.Length is not (4 or 5))
            {
                throw new ApiTokenFileException($"{at}: expected 'sha256:HEX USER ACCOUNT ROLE [CREATED]', found {fields.Length} field(s)");
            }

            if (HashHex(fields[0]) is not { } hex)
            {
                throw new ApiTokenFileException($"{at}: the first field must be 'sha256:' and 64 hex digits (the token's SHA-256), never the token itself");
            }

            if (!roles.TryGetValue(fields[3], out var role))
            {
                throw new ApiTokenFileException($"{at}: role '{fields[3]}' is not a role of the access catalog; roles are: {string.Join(", ", catalog.Roles.Select(r => r.Id))}");
            }

            DateTimeOffset? created = null;
            if (fields.Length == 5)
            {
                created = DateTimeOffset.TryParseExact(fields[4], CreatedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                    ? time
                    : throw new ApiTokenFileException($"{at}: the fifth field, when present, is when the token was created, as an RFC 3339 time such as 2026-11-23T12:00:00Z, not '{fields[4]}'");
            }

            if (!seen.Add(hex.ToLowerInvariant()))
            {
                throw new ApiTokenFileException($"{at}: the same token hash is listed twice");
            }

            tokens.Add(new ApiToken(fields[1], fields[2], role, Convert.FromHexString(hex), created) { Line = i + 1 });
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
    /// readable by its owner only — when it does not exist. The file is replaced whole, never left half written.
    /// </summary>
    /// <exception cref="ApiTokenFileException">The file cannot be written.</exception>
    public static void Append(string path, string line)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(line);
        TokenFileRewrite.Apply(path, lines => (lines ?? NewFileHeader).Append(line).ToList());
    }

    /// <summary>
    /// Removes from a token file the tokens <paramref name="select"/> chooses from the file as it stands, keeping every
    /// other line (comments included) as it is. The file is replaced whole, never left half written; nothing is written
    /// when nothing is chosen or <paramref name="select"/> throws.
    /// </summary>
    /// <returns>The tokens removed.</returns>
    /// <exception cref="ApiTokenFileException">The file is missing, malformed (it is not rewritten then) or cannot be written.</exception>
    public static IReadOnlyList<ApiToken> Remove(string path, CatalogModel catalog, Func<ApiTokenFile, IReadOnlyList<ApiToken>> select)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(select);
        IReadOnlyList<ApiToken> removed = [];
        TokenFileRewrite.Apply(path, lines =>
        {
            if (lines is null)
            {
                throw Unreadable(path, "it does not exist");
            }

            removed = select(Parse(path, lines, catalog));
            if (removed.Count == 0)
            {
                return null;
            }

            var dropped = removed.Select(t => t.Line - 1).ToHashSet();
            return lines.Where((_, index) => !dropped.Contains(index)).ToList();
        });
        return removed;
    }

    /// <summary>The token file line that lets <paramref name="token"/> in; <paramref name="created"/> is written in UTC, to the second.</summary>
    public static string Line(string token, string user, string account, string role, DateTimeOffset? created = null) =>
        $"{HashPrefix}{Convert.ToHexStringLower(Hash(token))} {user} {account} {role}"
        + (created is { } time ? " " + time.ToUniversalTime().ToString(CreatedFormat, CultureInfo.InvariantCulture) : string.Empty);

    /// <summary>
    /// These tokens less those no line of <paramref name="lines"/> lists any more: what a server keeps when its token
    /// file turns malformed, so that a token taken out of the file stops working even while another line is broken.
    /// </summary>
    internal ApiTokenFile KeepListed(IReadOnlyList<string> lines)
    {
        var listed = lines.Select(Fields).Select(fields => fields is null ? null : HashHex(fields[0])).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new ApiTokenFile(Path, tokens.Where(t => listed.Contains(Convert.ToHexString(t.Sha256))).ToList());
    }

    internal static ApiTokenFileException Unreadable(string path, string reason) =>
        new($"{path}: the token file cannot be read: {reason}; create one with 'evidence token add --tokens {path} ...'");

    private static IEnumerable<string> NewFileHeader =>
    [
        "# EvidenceCatalog API tokens (evidence serve --tokens): sha256:HEX USER ACCOUNT ROLE [CREATED], one a line.",
        "# Only hashes are stored; add tokens with 'evidence token add', remove them with 'evidence token revoke'.",
    ];

    /// <summary>The fields of a token line, or null for a blank line or a comment.</summary>
    private static string[]? Fields(string line)
    {
        string trimmed = line.Trim();
        return trimmed.Length == 0 || trimmed[0] == '#' ? null : trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The 64 hex digits of a <c>sha256:HEX</c> field, or null when it is not one.</summary>
    private static string? HashHex(string field) =>
        field.StartsWith(HashPrefix, StringComparison.Ordinal) && field.Length == HashPrefix.Length + 64 && !field.AsSpan(HashPrefix.Length).ContainsAnyExcept(HexDigits)
            ? field[HashPrefix.Length..]
            : null;

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// One API token: who holds it, the account it may see, its role (from the access catalog), its SHA-256, and when it was
/// created (null for lines written before token files recorded it).
/// </summary>
public sealed record ApiToken(string User, string Account, Role Role, byte[] Sha256, DateTimeOffset? Created)
{
    /// <summary>The 1-based line of the token file it stands on.</summary>
    public int Line { get; init; }

    /// <summary>The last 8 hex digits of its SHA-256: enough to tell tokens apart, never enough to stand for one.</summary>
    public string HashSuffix => Convert.ToHexStringLower(Sha256.AsSpan(Sha256.Length - 4));

    public bool Grants(string permission) => Role.Permissions.Contains(permission);
}

/// <summary>A token file that cannot be used; the message names the file and line.</summary>
public sealed class ApiTokenFileException(string message) : Exception(message);

using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Server.Security;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary><c>evidence token list</c> and <c>evidence token revoke</c>, and the creation time <c>token add</c> records.</summary>
public sealed class TokenCommandTests
{
    private static readonly FixedClock Noon = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A token file line as written before creation times were recorded.</summary>
    private static readonly string OldLine = ApiTokenFile.Line("evc_old", "old@northwind.example", "northwind-cloud", "viewer");

    [Fact]
    public void Token_add_records_when_the_token_was_created_by_the_command_clock()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();

        var added = Add(workspace, "ada@northwind.example", "northwind-cloud", "auditor");

        Assert.EndsWith(" ada@northwind.example northwind-cloud auditor 2026-11-23T12:00:00Z", File.ReadAllLines(workspace.Combine("tokens.txt"))[^1]);
        Assert.Equal(Noon.GetUtcNow(), Load(workspace).Authenticate(added)!.Created);
    }

    [Fact]
    public void Token_list_shows_user_account_role_created_and_the_last_8_hash_digits_only()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        string ada = Add(workspace, "ada@northwind.example", "northwind-cloud", "auditor");
        string bob = Add(workspace, "bob", "contoso-health", "admin");
        File.AppendAllText(workspace.Combine("tokens.txt"), OldLine + "\n");

        var result = Evidence.Run(workspace.Path, Noon, "token", "list", "--tokens", "tokens.txt");

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Stderr));
        Assert.Equal(
            [
                "USER                   ACCOUNT          ROLE     CREATED               HASH-SUFFIX",
                $"ada@northwind.example  northwind-cloud  auditor  2026-11-23T12:00:00Z  {Suffix(ada)}",
                $"bob                    contoso-health   admin    2026-11-23T12:00:00Z  {Suffix(bob)}",
                $"old@northwind.example  northwind-cloud  viewer   unknown               {Suffix("evc_old")}",
            ],
            result.StdoutLines);
        foreach (string token in new[] { ada, bob, "evc_old" })
        {
            Assert.DoesNotContain(Hex(token)[^9..], result.Stdout);
        }
    }

    [Fact]
    public void Token_list_as_json_gives_null_for_an_unknown_creation_time()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        string ada = Add(workspace, "ada", "northwind-cloud", "auditor");
        File.AppendAllText(workspace.Combine("tokens.txt"), OldLine + "\n");

        var result = Evidence.Run(workspace.Path, Noon, "token", "list", "--tokens", "tokens.txt", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(workspace.Combine("tokens.txt"), json.RootElement.GetProperty("file").GetString());
        var tokens = json.RootElement.GetProperty("tokens").EnumerateArray().ToList();
        Assert.Equal(("ada", "northwind-cloud", "auditor", "2026-11-23T12:00:00Z", Suffix(ada)), Fields(tokens[0]));
        Assert.Equal(JsonValueKind.Null, tokens[1].GetProperty("created").ValueKind);
        Assert.Equal(4, tokens[1].GetProperty("line").GetInt32());
        Assert.DoesNotContain(Hex(ada)[^9..], result.Stdout);
    }

    [Fact]
    public void Token_list_of_a_malformed_file_exits_2_naming_the_line()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        workspace.AddText("tokens.txt", OldLine + " yesterday\n");

        var result = Evidence.Run(workspace.Path, "token", "list", "--tokens", "tokens.txt");

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("tokens.txt(1): the fifth field, when present, is when the token was created, as an RFC 3339 time such as 2026-11-23T12:00:00Z, not 'yesterday'\n", result.Stderr);
    }

    [Fact]
    public void Token_revoke_by_user_removes_that_token_and_keeps_every_other_line_and_the_file_mode()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        string ada = Add(workspace, "ada", "northwind-cloud", "auditor");
        string bob = Add(workspace, "bob", "northwind-cloud", "admin");
        File.AppendAllText(workspace.Combine("tokens.txt"), "# kept: a comment of the operator's\n" + OldLine + "\n");
        var before = File.ReadAllLines(workspace.Combine("tokens.txt"));

        var result = Evidence.Run(workspace.Path, "token", "revoke", "--tokens", "tokens.txt", "--user", "ada");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"evidence: revoked 1 token(s) in {workspace.Combine("tokens.txt")}: {Suffix(ada)} (ada, northwind-cloud, auditor, created 2026-11-23T12:00:00Z); a running 'evidence serve' refuses them within seconds\n", result.Stderr);
        Assert.Equal(before.Where(line => !line.Contains(Hex(ada), StringComparison.Ordinal)), File.ReadAllLines(workspace.Combine("tokens.txt")));
        var tokens = Load(workspace);
        Assert.Null(tokens.Authenticate(ada));
        Assert.NotNull(tokens.Authenticate(bob));
        Assert.NotNull(tokens.Authenticate("evc_old"));
        Assert.False(File.Exists(workspace.Combine("tokens.txt.lock")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(workspace.Combine("tokens.txt")));
        }
    }

    [Fact]
    public void Token_revoke_by_hash_suffix_takes_the_suffix_token_list_shows_in_any_case()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        string first = Add(workspace, "ada", "northwind-cloud", "auditor");
        string second = Add(workspace, "ada", "northwind-cloud", "auditor");

        var result = Evidence.Run(workspace.Path, "token", "revoke", "--tokens", "tokens.txt", "--hash-suffix", Suffix(second).ToUpperInvariant());

        Assert.Equal(0, result.ExitCode);
        Assert.NotNull(Load(workspace).Authenticate(first));
        Assert.Null(Load(workspace).Authenticate(second));
    }

    [Fact]
    public void Token_revoke_matching_nothing_exits_2_and_leaves_the_file_as_it_was()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        Add(workspace, "ada", "northwind-cloud", "auditor");
        byte[] before = File.ReadAllBytes(workspace.Combine("tokens.txt"));

        var result = Evidence.Run(workspace.Path, "token", "revoke", "--tokens", "tokens.txt", "--user", "ada", "--account", "contoso-health");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"evidence: no token in {workspace.Combine("tokens.txt")} matches --user ada and --account contoso-health; nothing was revoked ('evidence token list --tokens {workspace.Combine("tokens.txt")}' shows its 1 token(s))\n", result.Stderr);
        Assert.Equal(before, File.ReadAllBytes(workspace.Combine("tokens.txt")));
        Assert.False(File.Exists(workspace.Combine("tokens.txt.lock")));
    }

    [Fact]
    public void Token_revoke_matching_several_is_refused_naming_them_unless_all_is_given()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        string first = Add(workspace, "ada", "northwind-cloud", "auditor");
        string second = Add(workspace, "ada", "contoso-health", "admin");
        string other = Add(workspace, "bob", "northwind-cloud", "auditor");
        byte[] before = File.ReadAllBytes(workspace.Combine("tokens.txt"));

        var refused = Evidence.Run(workspace.Path, "token", "revoke", "--tokens", "tokens.txt", "--user", "ada");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(
            $"evidence: 2 tokens match --user ada: {Suffix(first)} (ada, northwind-cloud, auditor, created 2026-11-23T12:00:00Z); {Suffix(second)} (ada, contoso-health, admin, created 2026-11-23T12:00:00Z); nothing was revoked: name one with --hash-suffix, or give --all to revoke them all\n",
            refused.Stderr);
        Assert.Equal(before, File.ReadAllBytes(workspace.Combine("tokens.txt")));

        var revoked = Evidence.Run(workspace.Path, "token", "revoke", "--tokens", "tokens.txt", "--user", "ada", "--all");

        Assert.Equal(0, revoked.ExitCode);
        Assert.StartsWith("evidence: revoked 2 token(s) in ", revoked.Stderr);
        Assert.Equal(["bob"], Load(workspace).Tokens.Select(t => t.User));
        Assert.NotNull(Load(workspace).Authenticate(other));
    }

    [Theory]
    [InlineData(new[] { "--all" }, "evidence: say which tokens to revoke: --user USER, --account ACCOUNT or --hash-suffix HEX (several narrow it down)")]
    [InlineData(new[] { "--hash-suffix", "1a2b3c" }, "evidence: --hash-suffix takes the last 8 to 64 hex digits of a token's hash, as 'evidence token list' shows them, not '1a2b3c'")]
    [InlineData(new[] { "--hash-suffix", "1a2b3c4g" }, "evidence: --hash-suffix takes the last 8 to 64 hex digits of a token's hash, as 'evidence token list' shows them, not '1a2b3c4g'")]
    public void Token_revoke_without_a_usable_criterion_is_a_usage_error(string[] criteria, string message)
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        Add(workspace, "ada", "northwind-cloud", "auditor");

        var result = Evidence.Run(workspace.Path, ["token", "revoke", "--tokens", "tokens.txt", .. criteria]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message, result.Stderr.Split('\n')[0]);
        Assert.Single(Load(workspace).Tokens);
    }

    [Fact]
    public void Token_revoke_refuses_to_rewrite_a_malformed_file()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        workspace.AddText("tokens.txt", OldLine + "\nsha256:00 ada acme auditor\n");
        byte[] before = File.ReadAllBytes(workspace.Combine("tokens.txt"));

        var result = Evidence.Run(workspace.Path, "token", "revoke", "--tokens", "tokens.txt", "--user", "old@northwind.example");

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("tokens.txt(2): the first field must be 'sha256:' and 64 hex digits (the token's SHA-256), never the token itself\n", result.Stderr);
        Assert.Equal(before, File.ReadAllBytes(workspace.Combine("tokens.txt")));
        Assert.False(File.Exists(workspace.Combine("tokens.txt.lock")));
    }

    [Fact]
    public async Task Concurrent_token_changes_are_never_lost()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        string doomed = Add(workspace, "doomed", "northwind-cloud", "auditor");

        var runs = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => i == 0
                ? Evidence.Run(workspace.Path, "token", "revoke", "--tokens", "tokens.txt", "--user", "doomed")
                : Evidence.Run(workspace.Path, "token", "add", "--tokens", "tokens.txt", "--user", $"user{i}", "--account", "northwind-cloud", "--role", "auditor"))));

        Assert.All(runs, run => Assert.Equal(0, run.ExitCode));
        var tokens = Load(workspace);
        Assert.Null(tokens.Authenticate(doomed));
        Assert.All(runs.Skip(1), run => Assert.NotNull(tokens.Authenticate(run.Stdout.Trim())));
        Assert.Equal(7, tokens.Tokens.Count);
    }

    private static string Add(CatalogWorkspace workspace, string user, string account, string role)
    {
        var result = Evidence.Run(workspace.Path, Noon, "token", "add", "--tokens", "tokens.txt", "--user", user, "--account", account, "--role", role);
        Assert.Equal(0, result.ExitCode);
        return result.Stdout.Trim();
    }

    private static ApiTokenFile Load(CatalogWorkspace workspace) => ApiTokenFile.Load(workspace.Combine("tokens.txt"), GeneratedEvidenceCatalog.Instance.Model);

    private static string Hex(string token) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Suffix(string token) => Hex(token)[^8..];

    private static (string?, string?, string?, string?, string?) Fields(JsonElement token) =>
        (token.GetProperty("user").GetString(), token.GetProperty("account").GetString(), token.GetProperty("role").GetString(),
         token.GetProperty("created").GetString(), token.GetProperty("hashSuffix").GetString());
}

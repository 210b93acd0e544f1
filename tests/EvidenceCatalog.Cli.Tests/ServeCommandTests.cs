using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Cli.Tests.Infrastructure;
using EvidenceCatalog.Server.Security;
using Xunit;

namespace EvidenceCatalog.Cli.Tests;

/// <summary><c>evidence token add</c>, and <c>evidence serve</c> refusing to start on unusable settings with one line, exit 2.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public void Token_add_prints_the_token_once_and_stores_only_its_hash()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();

        var first = Evidence.Run(workspace.Path, "token", "add", "--tokens", "tokens.txt", "--user", "ada@northwind.example", "--account", "northwind-cloud", "--role", "auditor");
        var second = Evidence.Run(workspace.Path, "token", "add", "--tokens", "tokens.txt", "--user", "bob@northwind.example", "--account", "northwind-cloud", "--role", "member");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        string token = first.Stdout.Trim();
        Assert.Matches("^evc_[A-Za-z0-9_-]{43}$", token);
        Assert.StartsWith("evidence: added a token for ada@northwind.example (auditor, level 15) on account northwind-cloud to ", first.Stderr);
        string file = File.ReadAllText(workspace.Combine("tokens.txt"));
        Assert.DoesNotContain(token, file);
        var tokens = ApiTokenFile.Load(workspace.Combine("tokens.txt"), GeneratedEvidenceCatalog.Instance.Model);
        Assert.Equal(2, tokens.Tokens.Count);
        Assert.Equal(("ada@northwind.example", "northwind-cloud", "auditor"), tokens.Authenticate(token) is { } t ? (t.User, t.Account, t.Role.Id) : default);
        Assert.Equal("member", tokens.Authenticate(second.Stdout.Trim())!.Role.Id);
        Assert.Null(tokens.Authenticate(token + "x"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(workspace.Combine("tokens.txt")));
        }
    }

    [Fact]
    public void Token_add_refuses_a_role_the_access_catalog_does_not_declare()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();

        var result = Evidence.Run(workspace.Path, "token", "add", "--tokens", "tokens.txt", "--user", "ada", "--account", "acme", "--role", "root");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("evidence: role 'root' is not a role of the access catalog; roles are: owner, admin, dept-lead, auditor, member, viewer\n", result.Stderr);
        Assert.False(File.Exists(workspace.Combine("tokens.txt")));
    }

    [Fact]
    public void Token_add_refuses_to_append_to_a_broken_token_file()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        workspace.AddBytes("tokens.txt", "# tokens\nevc_plaintext ada acme auditor\n"u8.ToArray());

        var result = Evidence.Run(workspace.Path, "token", "add", "--tokens", "tokens.txt", "--user", "ada", "--account", "acme", "--role", "auditor");

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("tokens.txt(2): the first field must be 'sha256:' and 64 hex digits (the token's SHA-256), never the token itself\n", result.Stderr);
    }

    [Fact]
    public void Serve_without_a_token_file_exits_2_with_one_line()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();

        var result = Evidence.Run(workspace.Path, "serve", "--store", "sqlite:events.db", "--tokens", "missing.txt", "--hmac-key-file", "key");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("missing.txt: the token file cannot be read", result.Stderr);
        Assert.Contains("evidence token add --tokens", result.Stderr);
    }

    [Fact]
    public void Serve_without_a_signing_key_exits_2_with_one_line()
    {
        using var workspace = WithTokens();

        var result = Evidence.Run(workspace.Path, "serve", "--store", "sqlite:events.db", "--tokens", "tokens.txt");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("evidence: the server signs every report: give a key (--sign-key PEM, --hmac-key-file FILE or --hmac-key-env VARIABLE)\n", result.Stderr);
    }

    [Theory]
    [InlineData("mysql:Server=db", "evidence: ")]
    [InlineData("postgres:Host=127.0.0.1;Nonsense Key=1", "evidence: ")]
    public void Serve_with_an_unusable_store_location_exits_2(string store, string prefix)
    {
        using var workspace = WithTokens();
        workspace.AddBytes("hmac.key", RandomNumberGenerator.GetBytes(32));

        var result = Evidence.Run(workspace.Path, "serve", "--store", store, "--tokens", "tokens.txt", "--hmac-key-file", "hmac.key");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(prefix, result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Serve_with_a_missing_access_folder_exits_2()
    {
        using var workspace = WithTokens();
        workspace.AddBytes("hmac.key", RandomNumberGenerator.GetBytes(32));

        var result = Evidence.Run(workspace.Path, "serve", "--store", "sqlite:events.db", "--tokens", "tokens.txt", "--hmac-key-file", "hmac.key", "--access-dir", "nowhere");

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("nowhere' does not exist\n", result.Stderr);
    }

    [Theory]
    [InlineData("--section-timeout", "0")]
    [InlineData("--max-body-mb", "0")]
    public void Serve_refuses_limits_out_of_range(string option, string value)
    {
        using var workspace = WithTokens();
        workspace.AddBytes("hmac.key", RandomNumberGenerator.GetBytes(32));

        var result = Evidence.Run(workspace.Path, "serve", "--store", "sqlite:events.db", "--tokens", "tokens.txt", "--hmac-key-file", "hmac.key", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("evidence: --section-timeout must be between 0 and 600 seconds and --max-body-mb between 1 and 4096\n", result.Stderr);
    }

    [Theory]
    [InlineData("--max-body-seconds", "0")]
    [InlineData("--max-concurrent-ingestions", "0")]
    [InlineData("--max-concurrent-ingestions-per-account", "0")]
    public void Serve_refuses_ingestion_limits_out_of_range(string option, string value)
    {
        using var workspace = WithTokens();
        workspace.AddBytes("hmac.key", RandomNumberGenerator.GetBytes(32));

        var result = Evidence.Run(workspace.Path, "serve", "--store", "sqlite:events.db", "--tokens", "tokens.txt", "--hmac-key-file", "hmac.key", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "evidence: --max-body-seconds must be between 0 and 86400, and --max-concurrent-ingestions and --max-concurrent-ingestions-per-account between 1 and 1024\n",
            result.Stderr);
    }

    [Fact]
    public void Serve_with_a_missing_spool_folder_exits_2()
    {
        using var workspace = WithTokens();
        workspace.AddBytes("hmac.key", RandomNumberGenerator.GetBytes(32));

        var result = Evidence.Run(workspace.Path, "serve", "--store", "sqlite:events.db", "--tokens", "tokens.txt", "--hmac-key-file", "hmac.key", "--spool-dir", "nowhere");

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("nowhere' does not exist\n", result.Stderr);
        Assert.StartsWith("evidence: the spool folder '", result.Stderr);
    }

    [Fact]
    public void Serve_never_takes_a_token_on_the_command_line()
    {
        using var workspace = CatalogWorkspace.WithRepositoryCatalogs();

        var result = Evidence.Run(workspace.Path, "serve", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("--token ", result.Stdout);
        Assert.Contains("--tokens", result.Stdout);
        Assert.Contains("never given on the command line", result.Stdout);
    }

    [Fact]
    public void Serve_with_a_broken_account_configuration_exits_2_naming_the_file_and_field()
    {
        using var workspace = WithTokens();
        workspace.AddBytes("hmac.key", RandomNumberGenerator.GetBytes(32));
        workspace.AddText("accounts/acme.json", "{\"retention\":{\"auditLogDays\":0,\"evidenceDays\":1,\"incidentRecordDays\":1}}");

        var result = Evidence.Run(workspace.Path, "serve", "--store", "sqlite:events.db", "--tokens", "tokens.txt", "--hmac-key-file", "hmac.key", "--accounts-dir", "accounts");

        Assert.Equal((2, "evidence: account configuration acme.json: retention.auditLogDays must be an integer from 1 to 2147483647, not 0\n"), (result.ExitCode, result.Stderr));
    }

    private static CatalogWorkspace WithTokens()
    {
        var workspace = CatalogWorkspace.WithRepositoryCatalogs();
        workspace.AddBytes("tokens.txt", System.Text.Encoding.UTF8.GetBytes(ApiTokenFile.Line("evc_x", "ada", "acme", "auditor") + "\n"));
        return workspace;
    }
}

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Model;
using EvidenceCatalog.Server.Security;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// The API tokens of <c>evidence serve</c>, kept in its token file as hashes: <c>evidence token add</c> makes one and
/// prints it once, <c>evidence token list</c> shows who holds which (never more of a hash than its last 8 digits), and
/// <c>evidence token revoke</c> takes tokens out. A running server follows the file within seconds.
/// </summary>
internal sealed class TokenCommand : Command
{
    public TokenCommand(CommandContext context)
        : base("token", "Manage the API tokens of 'evidence serve'.")
    {
        Subcommands.Add(new AddCommand(context));
        Subcommands.Add(new ListCommand(context));
        Subcommands.Add(new RevokeCommand(context));
    }

    private static Option<string> TokensOption(string description) =>
        new("--tokens") { Description = description, HelpName = "file", Required = true };

    private static string Created(ApiToken token) =>
        token.Created is { } created ? created.ToUniversalTime().ToString(ApiTokenFile.CreatedFormat, CultureInfo.InvariantCulture) : "unknown";

    /// <summary>
    /// <c>evidence token add --tokens FILE --user USER --account ACCOUNT --role ROLE</c>: makes a new token, appends its
    /// SHA-256 and creation time to the token file (created readable by its owner only), and prints the token once on
    /// standard output. The token itself is never stored.
    /// </summary>
    private sealed class AddCommand : Command
    {
        private readonly CommandContext context;
        private readonly CatalogOption catalogs = new();
        private readonly Option<string> tokens = TokensOption("The server's token file (created when missing).");
        private readonly Option<string> user = new("--user") { Description = "Who holds the token (an e-mail address or a service name).", HelpName = "user", Required = true };
        private readonly Option<string> account = new("--account") { Description = "The one account (tenant) the token may read and write.", HelpName = "id", Required = true };
        private readonly Option<string> role = new("--role") { Description = "A role of the access catalog; its permissions say what the token may do.", HelpName = "role", Required = true };

        public AddCommand(CommandContext context)
            : base("add", "Make a new API token: its hash goes into the token file, the token is printed once.")
        {
            this.context = context;
            Options.Add(tokens);
            Options.Add(user);
            Options.Add(account);
            Options.Add(role);
            catalogs.AddTo(this);
            SetAction(parseResult => catalogs.Run(context, parseResult, catalog => Add(parseResult, catalog.Catalog.Model)));
        }

        private int Add(ParseResult parseResult, CatalogModel model)
        {
            string path = CommandOptions.FullPath(context, parseResult.GetValue(tokens)!);
            string roleId = parseResult.GetValue(role)!;
            var granted = model.Roles.FirstOrDefault(r => r.Id == roleId)
                ?? throw new CommandInputException($"role '{roleId}' is not a role of the access catalog; roles are: {string.Join(", ", model.Roles.Select(r => r.Id))}");
            string userId = Field(parseResult.GetValue(user)!, "--user");
            string accountId = Field(parseResult.GetValue(account)!, "--account");
            if (File.Exists(path))
            {
                _ = ApiTokenFile.Load(path, model); // refuse to append to a broken file
            }

            string token = ApiTokenFile.NewToken();
            ApiTokenFile.Append(path, ApiTokenFile.Line(token, userId, accountId, granted.Id, context.Clock.GetUtcNow()));
            context.Output.WriteLine(token);
            context.Error.WriteLine($"evidence: added a token for {userId} ({granted.Id}, level {granted.Level}) on account {accountId} to {path}; it is shown only now");
            return ExitCodes.Success;
        }

        private static string Field(string value, string option) =>
            value.Length == 0 || value.Any(char.IsWhiteSpace) || value.StartsWith('#')
                ? throw new CommandInputException($"{option} must be one word without spaces, not '{value}'")
                : value;
    }

    /// <summary>
    /// <c>evidence token list --tokens FILE [--format text|json]</c>: user, account, role, creation time and the last 8
    /// hex digits of each token's hash, in the order of the file.
    /// </summary>
    private sealed class ListCommand : Command
    {
        private readonly CommandContext context;
        private readonly CatalogOption catalogs = new();
        private readonly Option<string> tokens = TokensOption("The server's token file.");

        private readonly Option<string> format = new Option<string>("--format")
        {
            Description = "text: aligned columns. json: one object with the file and its tokens.",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "json");

        public ListCommand(CommandContext context)
            : base("list", "List the API tokens of a token file: who holds each, its account, role, creation time and hash suffix.")
        {
            this.context = context;
            Options.Add(tokens);
            Options.Add(format);
            catalogs.AddTo(this);
            SetAction(parseResult => catalogs.Run(context, parseResult, catalog => List(parseResult, catalog.Catalog.Model)));
        }

        private int List(ParseResult parseResult, CatalogModel model)
        {
            var file = ApiTokenFile.Load(CommandOptions.FullPath(context, parseResult.GetValue(tokens)!), model);
            if (parseResult.GetValue(format) == "json")
            {
                JsonOutput.Write(context.Output, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("file", file.Path);
                    json.WriteStartArray("tokens");
                    foreach (var token in file.Tokens)
                    {
                        json.WriteStartObject();
                        json.WriteString("user", token.User);
                        json.WriteString("account", token.Account);
                        json.WriteString("role", token.Role.Id);
                        if (token.Created is null)
                        {
                            json.WriteNull("created");
                        }
                        else
                        {
                            json.WriteString("created", Created(token));
                        }

                        json.WriteString("hashSuffix", token.HashSuffix);
                        json.WriteNumber("line", token.Line);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            string[] header = ["USER", "ACCOUNT", "ROLE", "CREATED", "HASH-SUFFIX"];
            var rows = file.Tokens.Select(t => new[] { t.User, t.Account, t.Role.Id, Created(t), t.HashSuffix }).Prepend(header).ToList();
            TextTable.Write(context.Output, rows);
            return ExitCodes.Success;
        }
    }

    /// <summary>
    /// <c>evidence token revoke --tokens FILE (--user USER | --account ACCOUNT | --hash-suffix HEX)... [--all]</c>: takes
    /// the tokens matching every criterion given out of the token file, rewriting it whole. Exit 2 when none matches, and
    /// when several do without <c>--all</c> (naming them), so that a slip never revokes more than meant.
    /// </summary>
    private sealed class RevokeCommand : Command
    {
        private const int ShortestSuffix = 8;

        private readonly CommandContext context;
        private readonly CatalogOption catalogs = new();
        private readonly Option<string> tokens = TokensOption("The server's token file.");
        private readonly Option<string?> user = new("--user") { Description = "Revoke the tokens of this user.", HelpName = "user" };
        private readonly Option<string?> account = new("--account") { Description = "Revoke the tokens of this account.", HelpName = "id" };

        private readonly Option<string?> hashSuffix = new("--hash-suffix")
        {
            Description = $"Revoke the token whose SHA-256 ends with these hex digits (at least {ShortestSuffix}, as 'evidence token list' shows them).",
            HelpName = "hex",
        };

        private readonly Option<bool> all = new("--all") { Description = "Revoke every token that matches, when more than one does." };

        public RevokeCommand(CommandContext context)
            : base("revoke", "Revoke API tokens: remove those matching every criterion given from the token file.")
        {
            this.context = context;
            Options.Add(tokens);
            Options.Add(user);
            Options.Add(account);
            Options.Add(hashSuffix);
            Options.Add(all);
            catalogs.AddTo(this);
            Validators.Add(result =>
            {
                if (result.GetValue(user) is null && result.GetValue(account) is null && result.GetValue(hashSuffix) is null)
                {
                    result.AddError("say which tokens to revoke: --user USER, --account ACCOUNT or --hash-suffix HEX (several narrow it down)");
                }

                if (result.GetValue(hashSuffix) is { } suffix && (suffix.Length is < ShortestSuffix or > 64 || !suffix.All(char.IsAsciiHexDigit)))
                {
                    result.AddError($"--hash-suffix takes the last {ShortestSuffix} to 64 hex digits of a token's hash, as 'evidence token list' shows them, not '{suffix}'");
                }
            });
            SetAction(parseResult => catalogs.Run(context, parseResult, catalog => Revoke(parseResult, catalog.Catalog.Model)));
        }

        private int Revoke(ParseResult parseResult, CatalogModel model)
        {
            string path = CommandOptions.FullPath(context, parseResult.GetValue(tokens)!);
            var revoked = ApiTokenFile.Remove(path, model, file => Select(parseResult, file));
            context.Error.WriteLine($"evidence: revoked {revoked.Count} token(s) in {path}: {string.Join("; ", revoked.Select(Describe))}; a running 'evidence serve' refuses them within seconds");
            return ExitCodes.Success;
        }

        private List<ApiToken> Select(ParseResult parseResult, ApiTokenFile file)
        {
            string? userId = parseResult.GetValue(user);
            string? accountId = parseResult.GetValue(account);
            string? suffix = parseResult.GetValue(hashSuffix)?.ToLowerInvariant();
            var matches = file.Tokens
                .Where(t => (userId is null || t.User == userId) && (accountId is null || t.Account == accountId)
                    && (suffix is null || Convert.ToHexStringLower(t.Sha256).EndsWith(suffix, StringComparison.Ordinal)))
                .ToList();
            string criteria = string.Join(" and ", new[] { ("--user", userId), ("--account", accountId), ("--hash-suffix", suffix) }
                .Where(c => c.Item2 is not null)
                .Select(c => $"{c.Item1} {c.Item2}"));
            if (matches.Count == 0)
            {
                throw new CommandInputException($"no token in {file.Path} matches {criteria}; nothing was revoked ('evidence token list --tokens {file.Path}' shows its {file.Tokens.Count} token(s))");
            }

            if (matches.Count > 1 && !parseResult.GetValue(all))
            {
                throw new CommandInputException(
                    $"{matches.Count} tokens match {criteria}: {string.Join("; ", matches.Select(Describe))}; nothing was revoked: name one with --hash-suffix, or give --all to revoke them all");
            }

            return matches;
        }

        private static string Describe(ApiToken token) => $"{token.HashSuffix} ({token.User}, {token.Account}, {token.Role.Id}, created {Created(token)})";
    }
}

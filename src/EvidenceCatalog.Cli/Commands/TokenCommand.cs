using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Server.Security;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence token add --tokens FILE --user USER --account ACCOUNT --role ROLE</c>: makes a new API token for
/// <c>evidence serve</c>, appends its SHA-256 and creation time to the token file (created readable by its owner only), and prints the
/// token once on standard output. The token itself is never stored.
/// </summary>
internal sealed class TokenCommand : Command
{
    public TokenCommand(CommandContext context)
        : base("token", "Manage the API tokens of 'evidence serve'.")
    {
        Subcommands.Add(new AddCommand(context));
    }

    private sealed class AddCommand : Command
    {
        private readonly CommandContext context;
        private readonly CatalogOption catalogs = new();
        private readonly Option<string> tokens = new("--tokens") { Description = "The server's token file (created when missing).", HelpName = "file", Required = true };
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
            SetAction(parseResult => catalogs.Run(context, parseResult, catalog => Add(parseResult, catalog.Model)));
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
}

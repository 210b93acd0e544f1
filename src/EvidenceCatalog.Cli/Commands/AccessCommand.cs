using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Runtime.Access.Imports;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>The access snapshot: <c>evidence access import</c> builds it from the identity systems' own exports.</summary>
internal sealed class AccessCommand : Command
{
    public AccessCommand(CommandContext context)
        : base("access", "Build the access snapshot the access review reads.")
    {
        Subcommands.Add(new ImportCommand(context));
    }

    /// <summary>
    /// <c>evidence access import --okta-users FILE --aws-credential-report FILE ... [-o FILE] [--taken-at INSTANT]</c>:
    /// reads each export, joins one person's accounts by e-mail address, gives each person the role the access catalog
    /// maps their groups to, and writes the snapshot (docs/access-imports.md).
    /// </summary>
    private sealed class ImportCommand : Command
    {
        private readonly CommandContext context;
        private readonly CatalogOption catalogs = new();
        private readonly List<(AccessImportFormat Format, Option<string[]> Option)> exports = [];

        private readonly Option<DateTimeOffset?> takenAt = new("--taken-at")
        {
            Description = "When the exports were taken, RFC 3339 with an offset (default: now). The review judges ages as of this instant.",
            HelpName = "instant",
            CustomParser = ParseInstant,
        };

        private readonly Option<string?> output = CommandOptions.Output("The snapshot to write (default, or -: standard output).");

        public ImportCommand(CommandContext context)
            : base("import", "Write the access snapshot from AWS IAM, Okta, Google Workspace and GitHub exports.")
        {
            this.context = context;
            Export(AccessImportFormat.AwsCredentialReport, "--aws-credential-report", "The AWS IAM credential report (CSV).");
            Export(AccessImportFormat.AwsAuthorizationDetails, "--aws-authorization-details", "The IAM users' groups: aws iam get-account-authorization-details --filter User (JSON).");
            Export(AccessImportFormat.OktaUsers, "--okta-users", "Okta /api/v1/users with _embedded groups and factors (JSON).");
            Export(AccessImportFormat.GoogleWorkspaceUsers, "--google-workspace-users", "The Google Workspace Directory API users.list answer (JSON).");
            Export(AccessImportFormat.GithubMembers, "--github-members", "GitHub organisation memberships, 2FA-disabled members and SAML identities (JSON).");
            Options.Add(takenAt);
            Options.Add(output);
            catalogs.AddTo(this);
            SetAction(parseResult => catalogs.Run(context, parseResult, catalog => Import(parseResult, catalog)));
        }

        private void Export(AccessImportFormat format, string name, string description)
        {
            var option = new Option<string[]>(name) { Description = description + " May be given more than once.", HelpName = "file" };
            exports.Add((format, option));
            Options.Add(option);
        }

        private int Import(ParseResult parseResult, LoadedCatalog catalog)
        {
            var inputs = exports
                .SelectMany(e => (parseResult.GetValue(e.Option) ?? []).Select(path => Input(e.Format, path)))
                .ToList();
            if (inputs.All(i => i.Format == AccessImportFormat.AwsAuthorizationDetails))
            {
                throw new CommandInputException(inputs.Count == 0
                    ? "give at least one export: --aws-credential-report, --okta-users, --google-workspace-users or --github-members FILE"
                    : "--aws-authorization-details only adds IAM groups to the users of a credential report: give --aws-credential-report FILE too");
            }

            // Whole seconds: the instant is written into the snapshot and every age in the review is judged from it.
            var now = context.Clock.GetUtcNow();
            var result = AccessImporter.Import(catalog.Catalog.Model, inputs, parseResult.GetValue(takenAt) ?? now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
            string destination = parseResult.GetValue(output) ?? "-";
            string written = Write(result.Snapshot, destination);

            // After the write, so that a failed run prints only its error.
            var summary = destination == "-" ? context.Error : context.Output;
            foreach (var input in result.Inputs)
            {
                summary.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {input.Name}: {(input.Format == AccessImportFormat.AwsAuthorizationDetails ? Count(input.Accounts, "IAM user with groups", "IAM users with groups") : Count(input.Accounts, "account"))}{(input.Keys > 0 ? ", " + Count(input.Keys, "access key") : string.Empty)}"));
            }

            summary.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"wrote {written}: {Count(result.Snapshot.Users.Count, "person", "people")} with access, {Count(result.Snapshot.ApiKeys.Count, "access key")}, taken at {EventJson.FormatTime(result.Snapshot.TakenAt!.Value)}; {Count(result.Unmapped, "person", "people")} in no mapped group (role '{AccessImporter.UnmappedRole}'), {Count(result.WithoutAccess, "person", "people")} suspended everywhere left out"));
            return ExitCodes.Success;
        }

        private AccessImportInput Input(AccessImportFormat format, string path)
        {
            string full = CommandOptions.FullPath(context, path);
            return AccessImportInput.FromFile(format, full, JsonLinesInput.NameOf(full, context.WorkingDirectory));
        }

        private string Write(AccessSnapshot snapshot, string destination)
        {
            if (destination == "-")
            {
                using var buffer = new MemoryStream();
                AccessSnapshotWriter.Write(snapshot, buffer);
                context.Output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
                return "standard output";
            }

            string path = AtomicFile.Write(context, destination, stream => AccessSnapshotWriter.Write(snapshot, stream));
            return JsonLinesInput.NameOf(path, context.WorkingDirectory);
        }

        private static string Count(int n, string one, string? many = null) =>
            string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? one : many ?? one + "s")}");

        private static DateTimeOffset? ParseInstant(ArgumentResult result)
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            bool hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
            if (hasOffset && text.Length > 10 && text[10] is 'T' or 't'
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant))
            {
                return instant;
            }

            result.AddError($"--taken-at must be an RFC 3339 instant with an offset (e.g. 2026-03-31T00:00:00Z), not '{text}'.");
            return null;
        }
    }
}

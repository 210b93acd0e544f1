using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Access.Imports.Reading;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Runtime.Access.Imports.Readers;

/// <summary>
/// The AWS IAM credential report: the CSV IAM documents, one row per IAM user and one for the root user
/// (<c>&lt;root_account&gt;</c>), with AWS's own words for "no value": <c>N/A</c> (no password, no key, key never used),
/// <c>no_information</c> (password not used since IAM began tracking it) and <c>not_supported</c> (the root user's
/// password columns). Certificates (<c>cert_N_*</c>) are not access keys and are not imported.
/// </summary>
internal static class AwsCredentialReportReader
{
    /// <summary>The user name IAM gives the root user, and the group a catalog maps it by.</summary>
    public const string RootUser = "<root_account>";

    private const string NotApplicable = "N/A";
    private const string NoInformation = "no_information";
    private const string NotSupported = "not_supported";

    private static readonly string[] Required =
    [
        "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "mfa_active",
        "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
        "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
    ];

    public static IReadOnlyList<ImportedAccount> Read(AccessImportInput input)
    {
        string text = ExportFile.ReadText(input);
        if (text.TrimStart().StartsWith('{'))
        {
            throw new AccessImportException(
                $"{input.Name} is the JSON answer of 'aws iam get-credential-report', not the report: decode its Content, e.g. aws iam get-credential-report --query Content --output text | base64 --decode > credential-report.csv");
        }

        var table = CsvTable.Parse(text, input.Name);
        table.Require(Required, "an AWS IAM credential report");
        return table.Rows.Select(row => Account(table, row)).ToList();
    }

    private static ImportedAccount Account(CsvTable table, CsvRow row)
    {
        var cell = new Cell(table, row);
        string user = cell.Text("user");
        string arn = cell.Text("arn");
        if (!arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw cell.Error("arn", arn, "an ARN (arn:aws:iam::123456789012:user/name)");
        }

        bool root = user == RootUser;
        string passwordEnabled = cell.Word("password_enabled", "true", "false", NotSupported);

        // The root user signs in with a password the report does not describe (not_supported); anyone else only with one.
        bool interactive = root || passwordEnabled == "true";
        bool mfa = cell.Bool("mfa_active");
        var passwordUse = cell.Time("password_last_used", NotApplicable, NoInformation, NotSupported);
        var keys = new[] { 1, 2 }.Select(slot => Key(cell, arn, slot)).Where(k => k is not null).Select(k => k!).ToList();
        var lastActive = keys.Select(k => k.LastUsed).Append(passwordUse).Max();

        var account = new SnapshotAccount(
            KebabCase.FromEnum(IdentitySystem.Aws),
            arn,
            user,
            AccountStatus.Active,
            mfa ? MfaStatus.Enabled : interactive ? MfaStatus.Disabled : MfaStatus.NotApplicable)
        {
            CreatedAt = cell.Time("user_creation_time"),
            LastActive = lastActive,
            NeverLoggedIn = lastActive is null,
            Groups = root ? [RootUser] : [],
        };
        return new ImportedAccount(IdentitySystem.Aws, account, root ? null : ImportedAccount.EmailIn(user), [], keys, cell.Where);
    }

    /// <summary>Access key <paramref name="slot"/> (1 or 2) when the user has one: its last rotation is its creation, as IAM reports it.</summary>
    private static SnapshotApiKey? Key(Cell cell, string arn, int slot)
    {
        string prefix = "access_key_" + slot;
        bool active = cell.Bool(prefix + "_active");
        var rotated = cell.Time(prefix + "_last_rotated", NotApplicable);
        if (rotated is null)
        {
            return null;
        }

        return new SnapshotApiKey($"{arn}#{prefix}", null, "aws-iam", rotated, null, cell.Time(prefix + "_last_used_date", NotApplicable))
        {
            LastRotated = rotated,
            Active = active,
        };
    }

    /// <summary>The cells of one row, read with messages that name the file, the line, the user and the column.</summary>
    private readonly record struct Cell(CsvTable Table, CsvRow Row)
    {
        public string Where => $"{Table.Name} line {Row.Line}";

        public string Text(string column)
        {
            string value = Table.Value(Row, column);
            return value.Length > 0 ? value : throw new AccessImportException($"{Where}: column {column} is empty");
        }

        public bool Bool(string column) => Word(column, "true", "false") == "true";

        /// <summary>One of <paramref name="words"/>, compared without case (IAM documents TRUE, the CSV holds true).</summary>
        public string Word(string column, params string[] words)
        {
            string value = Table.Value(Row, column);
            return words.FirstOrDefault(w => string.Equals(w, value, StringComparison.OrdinalIgnoreCase))
                ?? throw Error(column, value, string.Join(" or ", words));
        }

        /// <summary>An instant, or null for one of AWS's words for "none" that the column may hold.</summary>
        public DateTimeOffset? Time(string column, params string[] none)
        {
            string value = Table.Value(Row, column);
            return none.Contains(value, StringComparer.Ordinal) ? null : SourceTimestamp.Parse(value, $"{Where}, user {Table.Value(Row, "user")}", "column " + column);
        }

        public AccessImportException Error(string column, string value, string expected) =>
            new($"{Where}, user {Table.Value(Row, "user")}: column {column} is '{SourceTimestamp.Shown(value)}'; expected {expected}");
    }
}

using EvidenceCatalog.Runtime.Access.Imports;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Access.AccessExports;

namespace EvidenceCatalog.Runtime.Tests.Access;

/// <summary>An export that is not what it claims to be stops the import with one line naming the file, the line or record, and the field.</summary>
public sealed class BadExportTests
{
    private const string Header =
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,"
        + "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
        + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,"
        + "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n";

    private const string GoodRow =
        "bob,arn:aws:iam::123456789012:user/bob,2024-01-01T00:00:00+00:00,true,2026-03-01T10:00:00+00:00,2024-01-01T00:00:00+00:00,N/A,true,"
        + "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

    private static string Refused(AccessImportFormat format, string name, string text) =>
        Assert.Throws<AccessImportException>(() => Import(Written(format, name, text))).Message;

    [Fact]
    public void A_csv_without_the_report_columns_names_the_missing_ones()
    {
        string message = Refused(AccessImportFormat.AwsCredentialReport, "report.csv", "UserName,Arn,CreateDate\nbob,arn:aws:iam::1:user/bob,2024-01-01\n");

        Assert.StartsWith("report.csv line 1: the header has no column user, arn, user_creation_time, password_enabled,", message);
        Assert.EndsWith("is this an AWS IAM credential report? (its header starts: UserName,Arn,CreateDate)", message);
    }

    [Fact]
    public void A_date_in_another_format_names_the_line_the_user_and_the_column()
    {
        string message = Refused(AccessImportFormat.AwsCredentialReport, "report.csv", Header + GoodRow + GoodRow.Replace("bob", "carol").Replace("2026-03-01T10:00:00+00:00", "03/01/2026 10:00"));

        Assert.StartsWith("report.csv line 3, user carol: column password_last_used '03/01/2026 10:00' is not an ISO 8601 date-time with an offset", message);
    }

    [Fact]
    public void A_word_aws_does_not_write_is_refused_with_the_words_it_does()
    {
        string message = Refused(AccessImportFormat.AwsCredentialReport, "report.csv", Header + GoodRow.Replace(",N/A,true,false,", ",N/A,yes,false,"));

        Assert.Equal("report.csv line 2, user bob: column mfa_active is 'yes'; expected true or false", message);
    }

    [Fact]
    public void A_row_with_a_field_missing_is_refused_at_its_line()
    {
        string message = Refused(AccessImportFormat.AwsCredentialReport, "report.csv", Header + GoodRow + GoodRow.Replace(",false,N/A\n", "\n"));

        Assert.Equal("report.csv line 3: 20 fields where the header has 22", message);
    }

    [Fact]
    public void The_json_answer_of_get_credential_report_says_how_to_decode_it()
    {
        string message = Refused(AccessImportFormat.AwsCredentialReport, "report.csv", """{ "Content": "dXNlcixhcm4=", "ReportFormat": "text/csv", "GeneratedTime": "2026-03-31T00:00:00Z" }""");

        Assert.Contains("aws iam get-credential-report --query Content --output text | base64 --decode", message);
    }

    [Fact]
    public void Malformed_json_names_the_line()
    {
        string message = Refused(AccessImportFormat.OktaUsers, "okta.json", "[\n  { \"id\": \"00u1\",\n    \"status\": \"ACTIVE\"\n  \n");

        Assert.StartsWith("okta.json line 5: not valid JSON: ", message);
    }

    [Fact]
    public void An_okta_date_in_another_format_names_the_line_the_user_and_the_field()
    {
        string message = Refused(AccessImportFormat.OktaUsers, "okta.json", """
            [
              { "id": "00u1", "status": "ACTIVE", "lastLogin": "2026-03-30T07:44:12.000Z", "profile": { "login": "a@northwind.example" } },
              { "id": "00u2", "status": "ACTIVE", "lastLogin": "2026-03-30 07:44:12", "profile": { "login": "b@northwind.example" } }
            ]
            """);

        Assert.Equal("okta.json line 3 (user 2): lastLogin '2026-03-30 07:44:12' is not an ISO 8601 date-time with an offset, such as 2026-03-01T10:00:00Z or 2026-03-01T10:00:00+00:00", message);
    }

    [Fact]
    public void A_local_time_without_an_offset_says_so_rather_than_assuming_utc()
    {
        string message = Refused(AccessImportFormat.GoogleWorkspaceUsers, "google.json", """{ "users": [{ "id": "1", "primaryEmail": "a@northwind.example", "lastLoginTime": "2026-03-30T07:44:12" }] }""");

        Assert.EndsWith("lastLoginTime '2026-03-30T07:44:12' is not an ISO 8601 date-time with an offset, such as 2026-03-01T10:00:00Z or 2026-03-01T10:00:00+00:00 (has no offset; add Z (UTC) or ±hh:mm so the instant is unambiguous)", message);
    }

    [Fact]
    public void A_missing_field_and_an_unknown_status_are_named()
    {
        Assert.Equal(
            "okta.json line 1 (user 1): profile.login is missing; it must be a non-empty string",
            Refused(AccessImportFormat.OktaUsers, "okta.json", """[{ "id": "00u1", "status": "ACTIVE", "profile": {} }]"""));
        Assert.StartsWith(
            "okta.json line 1 (user 1): status 'ENABLED' is not an Okta user status (ACTIVE, RECOVERY,",
            Refused(AccessImportFormat.OktaUsers, "okta.json", """[{ "id": "00u1", "status": "ENABLED", "profile": { "login": "a@b.example" } }]"""));
    }

    [Fact]
    public void A_wrong_shape_says_what_the_file_should_be()
    {
        Assert.Equal(
            "okta.json: must be a JSON array of users, as GET /api/v1/users returns them, not an object",
            Refused(AccessImportFormat.OktaUsers, "okta.json", """{ "users": [] }"""));
        Assert.Equal(
            "google.json: must be a JSON object with 'users' (the Directory API users.list answer), not an array",
            Refused(AccessImportFormat.GoogleWorkspaceUsers, "google.json", "[]"));
        Assert.Equal(
            "github.json: has no 'memberships' (GET /orgs/{org}/memberships/{username} of every member)",
            Refused(AccessImportFormat.GithubMembers, "github.json", """{ "members": [] }"""));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_named_with_its_record()
    {
        string message = Refused(AccessImportFormat.GoogleWorkspaceUsers, "google.json", """
            { "users": [
              { "id": "1", "primaryEmail": "a@northwind.example", "suspended": "no" }
            ] }
            """);

        Assert.Equal("google.json line 2 (user 1): suspended must be true or false, not a string", message);
    }

    [Fact]
    public void An_export_that_cannot_be_read_is_named_without_its_folder()
    {
        var missing = AccessImportInput.FromFile(AccessImportFormat.OktaUsers, System.IO.Path.Combine(System.IO.Path.GetTempPath(), "no-such-dir", "okta.json"));

        Assert.Equal("okta.json does not exist", Assert.Throws<AccessImportException>(() => Import(missing)).Message);
        Assert.Equal("okta.json is empty", Refused(AccessImportFormat.OktaUsers, "okta.json", "\n  \n"));
    }
}

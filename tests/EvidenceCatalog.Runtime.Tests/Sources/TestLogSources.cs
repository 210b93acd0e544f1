using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>
/// Log source definitions built by hand for these tests only, minimal on purpose: the shipped source catalogs (YAML,
/// compiled) are another piece of work and are not what these tests judge. They map onto the sample taxonomy.
/// </summary>
internal static class TestLogSources
{
    public const string Account = "northwind-cloud";

    public static LogSource CloudTrail { get; } = new(
        "aws-cloudtrail",
        "AWS CloudTrail",
        "test-only definition",
        SourceContainers.CloudtrailRecords | SourceContainers.JsonLines | SourceContainers.JsonArray,
        Array(Exists("/eventSource"), Exists("/eventName")),
        new SourceTime(Array("/eventTime"), TimeFormats.Rfc3339),
        new SourceAccount(Account, null),
        new SourceEventId(Array("{/eventID}"), HashWhenMissing: true),
        "{/eventSource}:{/eventName}",
        Array("aws:{/userIdentity/arn}", "aws:{/userIdentity/principalId}", "aws:{/userIdentity/type}"),
        Array("{/requestParameters/bucketName}", "{/requestParameters/roleName}"),
        Array("{/sourceIPAddress}"),
        Array(
            Rule("console sign-in", "auth.login", new SourceOutcome(null, "/responseElements/ConsoleLogin", Array(Map("Success", "success"), Map("Failure", "failure")), null), Equal("/eventName", "ConsoleLogin")),
            Rule("refused API calls", "api.call", Outcome("deny"), OneOf("/errorCode", "AccessDenied", "Client.UnauthorizedOperation")),
            Rule("KMS key rotation", "crypto.key_rotated", Outcome("success"), Equal("/eventSource", "kms.amazonaws.com"), OneOf("/eventName", "RotateKey", "EnableKeyRotation")),
            Rule("IAM grants", "access.granted", Outcome("approved"), Equal("/eventSource", "iam.amazonaws.com"), Prefix("/eventName", "Attach"))));

    public static LogSource Okta { get; } = new(
        "okta-system-log",
        "Okta System Log",
        "test-only definition",
        SourceContainers.JsonLines | SourceContainers.JsonArray,
        Array(Exists("/eventType"), Exists("/published")),
        new SourceTime(Array("/published"), TimeFormats.Rfc3339 | TimeFormats.UtcDateTime),
        new SourceAccount(Account, null),
        new SourceEventId(Array("{/uuid}"), HashWhenMissing: true),
        "{/eventType}",
        Array("user:{/actor/alternateId}", "okta:{/actor/id}"),
        Array("{/target/0/alternateId}"),
        Array("{/client/ipAddress}"),
        Array(
            Rule("sign-in", "auth.login", new SourceOutcome(null, "/outcome/result", Array(Map("SUCCESS", "success"), Map("FAILURE", "failure")), "failure"), Equal("/eventType", "user.session.start")),
            Rule("MFA", "auth.mfa", new SourceOutcome(null, "/outcome/result", Array(Map("SUCCESS", "success"), Map("FAILURE", "failure")), null), Prefix("/eventType", "user.authentication.auth_via_mfa")),
            Rule("privilege grants", "access.granted", Outcome("approved"), Equal("/eventType", "user.account.privilege.grant"))));

    public static LogSource GitHub { get; } = new(
        "github-audit-log",
        "GitHub audit log",
        "test-only definition",
        SourceContainers.JsonLines | SourceContainers.JsonArray,
        Array(Exists("/action")),
        new SourceTime(Array("/@timestamp", "/created_at"), TimeFormats.Rfc3339 | TimeFormats.EpochMilliseconds),
        new SourceAccount(Account, null),
        new SourceEventId(Array("{/_document_id}"), HashWhenMissing: true),
        "{/action}",
        Array("github:{/actor}"),
        Array("{/repo}"),
        Array<string>(),
        Array(Rule("membership", "access.granted", Outcome("approved"), Equal("/action", "org.add_member"))));

    public static SourceOutcome Outcome(string? value) => new(value, null, Array<OutcomeMapping>(), null);

    public static SourceRule Rule(string? name, string type, SourceOutcome outcome, params FieldCondition[] when) => new(name, Array(when), type, outcome);

    public static FieldCondition Exists(string field) => new(field, ConditionKind.Exists, Array<string>());

    public static FieldCondition Missing(string field) => new(field, ConditionKind.Missing, Array<string>());

    public static FieldCondition Equal(string field, string value) => new(field, ConditionKind.Equals, Array(value));

    public static FieldCondition Prefix(string field, string value) => new(field, ConditionKind.Prefix, Array(value));

    public static FieldCondition OneOf(string field, params string[] values) => new(field, ConditionKind.OneOf, Array(values));

    public static OutcomeMapping Map(string from, string to) => new(from, to);

    public static EquatableArray<T> Array<T>(params T[] items)
        where T : System.IEquatable<T> => items.ToEquatableArray();
}

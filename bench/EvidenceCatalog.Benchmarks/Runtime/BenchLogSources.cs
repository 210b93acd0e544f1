using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Benchmarks.Runtime;

/// <summary>
/// The CloudTrail source definition the mapping timings use: bench-only and built by hand, shaped like the one
/// docs/sources.md shows (recognition on two fields, five templates with fallbacks, four rules, an outcome map), so
/// that the figures measure the engine, not a particular shipped catalog.
/// </summary>
internal static class BenchLogSources
{
    public static LogSource CloudTrail { get; } = new(
        "aws-cloudtrail",
        "AWS CloudTrail",
        "bench-only definition",
        SourceContainers.CloudtrailRecords | SourceContainers.JsonLines | SourceContainers.JsonArray,
        A(Condition("/eventSource", ConditionKind.Exists), Condition("/eventName", ConditionKind.Exists)),
        new SourceTime(A("/eventTime"), TimeFormats.Rfc3339),
        new SourceAccount(LargeReport.Account, null),
        new SourceEventId(A("{/eventID}"), HashWhenMissing: true),
        "{/eventSource}:{/eventName}",
        A("aws:{/userIdentity/arn}", "aws:{/userIdentity/principalId}"),
        A("{/requestParameters/bucketName}", "{/requestParameters/roleArn}"),
        A("{/sourceIPAddress}"),
        A(
            new SourceRule("console sign-in", A(Condition("/eventName", ConditionKind.Equals, "ConsoleLogin")), "auth.login",
                new SourceOutcome(null, "/responseElements/ConsoleLogin", A(new OutcomeMapping("Success", "success"), new OutcomeMapping("Failure", "failure")), null)),
            new SourceRule("refused API calls", A(Condition("/errorCode", ConditionKind.OneOf, "AccessDenied", "Client.UnauthorizedOperation")), "api.call", Constant("deny")),
            new SourceRule("key rotation", A(Condition("/eventSource", ConditionKind.Equals, "kms.amazonaws.com"), Condition("/eventName", ConditionKind.Equals, "RotateKey")), "crypto.key_rotated", Constant("success")),
            new SourceRule("role assumed", A(Condition("/eventName", ConditionKind.Prefix, "AssumeRole")), "access.granted", Constant("approved"))));

    private static SourceOutcome Constant(string value) => new(value, null, A<OutcomeMapping>(), null);

    private static FieldCondition Condition(string field, ConditionKind kind, params string[] values) => new(field, kind, A(values));

    private static EquatableArray<T> A<T>(params T[] items)
        where T : System.IEquatable<T> => items.ToEquatableArray();
}

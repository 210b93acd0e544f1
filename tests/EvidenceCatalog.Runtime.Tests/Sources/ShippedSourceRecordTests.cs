using System;
using System.Linq;
using Xunit;
using static EvidenceCatalog.Runtime.Tests.Sources.ShippedSources;

namespace EvidenceCatalog.Runtime.Tests.Sources;

/// <summary>
/// Hand-picked records of the shared samples, found by their content, through the shipped sources, field by field:
/// id, time, type, outcome, actor, account, ip, resource and provenance.
/// </summary>
public sealed class ShippedSourceRecordTests
{
    // AWS CloudTrail

    [Fact]
    public void CloudTrail_the_first_failed_console_sign_in()
    {
        string line = SampleLine("aws-cloudtrail.jsonl", "\"ConsoleLogin\": \"Failure\"");

        var e = MappedRun.Of(Get("aws-cloudtrail"), line).Single;

        Assert.Equal("d38ce1b3-4575-4cb8-a632-611b8243bfc3", e.Id);
        Assert.Equal(Utc(2022, 11, 10, 16, 24, 34), e.Time);
        Assert.Equal("auth.login", e.Type);
        Assert.Equal("failure", e.Outcome);
        Assert.Equal("aws:AIDACKCEVSQ6C2EXAMPLE", e.Actor);
        Assert.Equal(Account, e.Account);
        Assert.Equal("192.0.2.0", e.Ip);
        Assert.Null(e.Resource);
        AssertProvenance(e, "aws-cloudtrail", "signin.amazonaws.com:ConsoleLogin", line);
    }

    [Fact]
    public void CloudTrail_an_object_read_refused_by_S3_is_a_denied_API_call_without_an_event_id()
    {
        string line = SampleLine("aws-cloudtrail.jsonl", "\"AccessDenied\"", "\"GetObject\"", "sensitive-file.txt");

        var e = MappedRun.Of(Get("aws-cloudtrail"), line).Single;

        Assert.Equal("sha256:" + RecordSha256(line), e.Id);
        Assert.Equal(Utc(2023, 3, 1, 0, 0, 0), e.Time);
        Assert.Equal("api.call", e.Type);
        Assert.Equal("deny", e.Outcome);
        Assert.Equal("aws:AROAEXAMPLE:session-name", e.Actor);
        Assert.Equal(Account, e.Account);
        Assert.Equal("10.0.0.1", e.Ip);
        Assert.Equal("example-bucket", e.Resource);
        AssertProvenance(e, "aws-cloudtrail", "s3.amazonaws.com:GetObject", line);
    }

    [Fact]
    public void CloudTrail_a_security_group_opened_in_an_exported_time_format()
    {
        string line = SampleLine("aws-cloudtrail.jsonl", "504b492f-7832-406b-a4fd-45a13e48adc4");

        var e = MappedRun.Of(Get("aws-cloudtrail"), line).Single;

        Assert.Equal("504b492f-7832-406b-a4fd-45a13e48adc4", e.Id);
        Assert.Equal(Utc(2021, 1, 24, 4, 55, 45), e.Time);
        Assert.Equal("network.rule_changed", e.Type);
        Assert.Equal("success", e.Outcome);
        Assert.Equal("aws:arn:aws:sts::112233445566:assumed-role/TestAdmin/alan", e.Actor);
        Assert.Equal("136.25.37.134", e.Ip);
        Assert.Equal("sg-04f0b44316f7d2471", e.Resource);
        AssertProvenance(e, "aws-cloudtrail", "ec2.amazonaws.com:AuthorizeSecurityGroupIngress", line);
    }

    [Fact]
    public void CloudTrail_event_selectors_changed_are_a_logging_change()
    {
        string line = SampleLine("aws-cloudtrail.jsonl", "4ca1cb25-7633-496b-8f92-6de876228c3f");

        var e = MappedRun.Of(Get("aws-cloudtrail"), line).Single;

        Assert.Equal("monitoring.config_changed", e.Type);
        Assert.Equal("changed", e.Outcome);
        Assert.Equal(Utc(2024, 11, 25, 17, 51, 21), e.Time);
        Assert.Equal("sample-cloudtrail-name", e.Resource);
    }

    [Fact]
    public void CloudTrail_a_failed_call_that_changes_nothing_is_unmapped_not_evidence()
    {
        string line = SampleLine("aws-cloudtrail.jsonl", "\"StopLogging\"", "InvalidTrailNameException");

        var run = MappedRun.Of(Get("aws-cloudtrail"), line);

        Assert.Empty(run.Events);
        Assert.Equal([new("cloudtrail.amazonaws.com:StopLogging", 1)], run.Counts.UnmappedByName.Names);
    }

    [Fact]
    public void CloudTrail_rejects_a_record_of_another_source_naming_the_source()
    {
        string okta = SampleLine("okta-system-log.jsonl", "\"user.account.privilege.grant\"");

        var run = MappedRun.Of(Get("aws-cloudtrail"), okta);

        Assert.Equal("not an AWS CloudTrail record: /eventSource is missing", Assert.Single(run.Rejections).Reason);
    }

    [Fact]
    public void CloudTrail_rejects_a_record_whose_time_is_missing_or_in_no_declared_format()
    {
        string login = SampleLine("aws-cloudtrail.jsonl", "\"ConsoleLogin\": \"Failure\"");
        string missing = login.Replace("\"eventTime\"", "\"eventTimeX\"", StringComparison.Ordinal);
        string redacted = login.Replace("\"2022-11-10T16:24:34Z\"", "\"redacted\"", StringComparison.Ordinal);
        string epoch = login.Replace("\"2022-11-10T16:24:34Z\"", "1668097474", StringComparison.Ordinal);

        Assert.Equal("no time: /eventTime is missing", Assert.Single(MappedRun.Of(Get("aws-cloudtrail"), missing).Rejections).Reason);
        Assert.StartsWith("time /eventTime 'redacted': in no declared format (declared: rfc3339, utc-date-time)", Assert.Single(MappedRun.Of(Get("aws-cloudtrail"), redacted).Rejections).Reason, StringComparison.Ordinal);
        Assert.Equal("time /eventTime '1668097474': an epoch count, but the source declares no epoch unit (declared: rfc3339, utc-date-time)", Assert.Single(MappedRun.Of(Get("aws-cloudtrail"), epoch).Rejections).Reason);
    }

    // Okta System Log

    [Fact]
    public void Okta_a_failed_sign_in_written_with_a_utc_date_time()
    {
        string line = SampleLine("okta-system-log.jsonl", "\"user.session.start\"", "FAILURE", "2024-04-02");

        var e = MappedRun.Of(Get("okta-system-log"), line).Single;

        Assert.Equal(Utc(2024, 4, 2, 19, 17, 37, 621), e.Time);
        Assert.Equal("auth.login", e.Type);
        Assert.Equal("failure", e.Outcome);
        Assert.Equal("user:casey.hill@hey.com", e.Actor);
        Assert.Equal(Account, e.Account);
        Assert.Equal("99.108.5.25", e.Ip);
        AssertProvenance(e, "okta-system-log", "user.session.start", line);
    }

    [Fact]
    public void Okta_a_privilege_grant()
    {
        string line = SampleLine("okta-system-log.jsonl", "\"user.account.privilege.grant\"");

        var e = MappedRun.Of(Get("okta-system-log"), line).Single;

        Assert.Equal("2a992f80-d1ad-4f62-900e-8c68bb72a21b", e.Id);
        Assert.Equal(Utc(2020, 11, 25, 21, 27, 3, 496), e.Time);
        Assert.Equal("access.granted", e.Type);
        Assert.Equal("direct", e.Outcome);
        Assert.Equal("user:jack@acme.io", e.Actor);
        Assert.Equal("alice@acme.io", e.Resource);
        Assert.Equal("136.24.229.58", e.Ip);
        AssertProvenance(e, "okta-system-log", "user.account.privilege.grant", line);
    }

    [Fact]
    public void Okta_a_threat_denied_in_a_lower_cased_export_is_a_blocked_address()
    {
        string line = SampleLine("okta-system-log.jsonl", "\"security.threat.detected\"", "DENY");

        var e = MappedRun.Of(Get("okta-system-log"), line).Single;

        Assert.Equal("network.ip_blocked", e.Type);
        Assert.Equal("blocked", e.Outcome);
        Assert.Equal("user:unknown", e.Actor);
        Assert.Equal("1.2.3.4", e.Ip);
        Assert.Equal(Utc(2022, 12, 14, 19, 16, 32, 15), e.Time);
        // Lower-cased member names: the native name ({/eventType}) does not resolve (docs/sources.md).
        AssertProvenance(e, "okta-system-log", null, line);
    }

    [Fact]
    public void Okta_rejects_rows_computed_from_the_log()
    {
        string line = SampleLine("okta-system-log.jsonl", "compromised.user@company.com");

        var run = MappedRun.Of(Get("okta-system-log"), line);

        Assert.Equal("not an Okta System Log record: /outcome is missing", Assert.Single(run.Rejections).Reason);
    }

    // GitHub audit log

    [Fact]
    public void GitHub_a_member_added_with_epoch_milliseconds()
    {
        string line = SampleLine("github-audit-log.jsonl", "\"org.add_member\"");

        var e = MappedRun.Of(Get("github-audit-log"), line).Single;

        Assert.Equal("sha256:" + RecordSha256(line), e.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1621305118553), e.Time);
        Assert.Equal("access.granted", e.Type);
        Assert.Equal("direct", e.Outcome);
        Assert.Equal("github:cat", e.Actor);
        Assert.Equal(Account, e.Account);
        Assert.Equal("cat", e.Resource);
        Assert.Null(e.Ip);
        AssertProvenance(e, "github-audit-log", "org.add_member", line);
    }

    [Fact]
    public void GitHub_two_factor_requirement_disabled()
    {
        string line = SampleLine("github-audit-log.jsonl", "org.disable_two_factor_requirement");

        var e = MappedRun.Of(Get("github-audit-log"), line).Single;

        Assert.Equal("access.policy_changed", e.Type);
        Assert.Equal("success", e.Outcome);
        Assert.Equal("github:admin-user", e.Actor);
        Assert.Equal("my-org", e.Resource);
    }

    [Fact]
    public void GitHub_advanced_security_disabled_keeps_its_document_id_and_address()
    {
        string line = SampleLine("github-audit-log.jsonl", "gAcccccccccccccccccccc");

        var e = MappedRun.Of(Get("github-audit-log"), line).Single;

        Assert.Equal("gAcccccccccccccccccccc", e.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1671111111111), e.Time);
        Assert.Equal("monitoring.config_changed", e.Type);
        Assert.Equal("disabled", e.Outcome);
        Assert.Equal("github:bobert", e.Actor);
        Assert.Equal("12.12.12.12", e.Ip);
        Assert.Equal("bobert", e.Resource);
        AssertProvenance(e, "github-audit-log", "business_advanced_security.disabled", line);
    }

    [Fact]
    public void GitHub_rejects_a_webhook_payload_as_another_source()
    {
        string line = SampleLine("github-audit-log.jsonl", "\"action\": \"opened\"");

        var run = MappedRun.Of(Get("github-audit-log"), line);

        Assert.Equal("not a GitHub audit log record: /actor is missing", Assert.Single(run.Rejections).Reason);
    }

    // Google Workspace

    [Fact]
    public void Workspace_an_admin_role_created()
    {
        string line = SampleLine("google-workspace-activity.jsonl", "\"CREATE_ROLE\"");

        var e = MappedRun.Of(Get("google-workspace"), line).Single;

        Assert.Equal("-12456:CREATE_ROLE", e.Id);
        Assert.Equal(Utc(2022, 12, 11, 2, 57, 48, 693), e.Time);
        Assert.Equal("access.policy_changed", e.Type);
        Assert.Equal("success", e.Outcome);
        Assert.Equal("user:example@example.io", e.Actor);
        Assert.Equal(Account, e.Account);
        Assert.Equal("CustomAdminRoleName", e.Resource);
        Assert.Equal("12.12.12.12", e.Ip);
        AssertProvenance(e, "google-workspace", "admin:CREATE_ROLE", line);
    }

    [Fact]
    public void Workspace_two_events_of_one_activity_are_two_events()
    {
        string create = SampleLine("google-workspace-activity.jsonl", "\"CREATE_ROLE\"");
        string delete = SampleLine("google-workspace-activity.jsonl", "\"DELETE_ROLE\"");

        var run = MappedRun.Of(Get("google-workspace"), create + "\n" + delete + "\n");

        Assert.Equal(["-12456:CREATE_ROLE", "-12456:DELETE_ROLE"], run.Events.Select(e => e.Id));
    }

    [Fact]
    public void Workspace_a_document_given_away()
    {
        string line = SampleLine("google-workspace-activity.jsonl", "\"change_owner\"");

        var e = MappedRun.Of(Get("google-workspace"), line).Single;

        Assert.Equal("1234567890:change_owner", e.Id);
        Assert.Equal(Utc(2025, 8, 12, 18, 41, 56, 232), e.Time);
        Assert.Equal("data.sharing_changed", e.Type);
        Assert.Equal("success", e.Outcome);
        Assert.Equal("user:alice@panther.com", e.Actor);
        Assert.Equal("1234567890", e.Resource);
        Assert.Equal("1.2.3.4", e.Ip);
        AssertProvenance(e, "google-workspace", "drive:change_owner", line);
    }

    [Fact]
    public void Workspace_a_third_party_app_authorised()
    {
        string line = SampleLine("google-workspace-activity.jsonl", "\"authorize\"", "SuspiciousThirdPartyApp");

        var e = MappedRun.Of(Get("google-workspace"), line).Single;

        Assert.Equal("access.granted", e.Type);
        Assert.Equal("direct", e.Outcome);
        Assert.Equal("user:user@example.com", e.Actor);
        Assert.Equal("SuspiciousThirdPartyApp", e.Resource);
        Assert.Equal(Utc(2024, 1, 15, 10, 30, 0), e.Time);
    }

    [Fact]
    public void Workspace_rejects_a_trimmed_record_without_its_time()
    {
        string line = SampleLine("google-workspace-activity.jsonl", "\"2sv_disable\"");

        var run = MappedRun.Of(Get("google-workspace"), line);

        Assert.Equal("no time: /id/time is missing", Assert.Single(run.Rejections).Reason);
    }

    // Kubernetes audit

    [Fact]
    public void Kubernetes_requests_no_rule_maps_are_counted_under_verb_and_resource()
    {
        string daemonSet = SampleLine("kubernetes-audit.jsonl", "\"daemonsets\"", "\"auditID\"");
        string verbless = SampleLine("kubernetes-audit.jsonl", "\"auditID\": \"abcde12345\"");

        var run = MappedRun.Of(Get("kubernetes-audit"), daemonSet + "\n" + verbless + "\n");

        // The second record was trimmed of its verb: its native name cannot be formed.
        Assert.Equal([new("(no native name)", 1), new("create:daemonsets", 1)], run.Counts.UnmappedByName.Names);
    }

    [Fact]
    public void Kubernetes_a_forbidden_cluster_role_binding_trimmed_of_its_time_is_rejected_and_with_it_maps()
    {
        string line = SampleLine("kubernetes-audit.jsonl", "\"clusterrolebindings\"", "403");
        // The fixture keeps only what its detection rule reads; the API server writes both timestamps on every event.
        string timed = line.Replace("{\"kind\": \"Event\",", "{\"kind\": \"Event\", \"auditID\": \"6b0c1c1e-2f5d-4a57-9d2e-0f3c1b8a7e11\", \"requestReceivedTimestamp\": \"2024-03-20T10:00:00.123456Z\", \"stageTimestamp\": \"2024-03-20T10:00:00.130001Z\", \"sourceIPs\": [\"198.51.100.23\"],", StringComparison.Ordinal);

        var trimmed = MappedRun.Of(Get("kubernetes-audit"), line);
        var e = MappedRun.Of(Get("kubernetes-audit"), timed).Single;

        Assert.Equal("no time: none of /requestReceivedTimestamp, /stageTimestamp is present", Assert.Single(trimmed.Rejections).Reason);
        Assert.Equal("6b0c1c1e-2f5d-4a57-9d2e-0f3c1b8a7e11", e.Id);
        Assert.Equal(Utc(2024, 3, 20, 10, 0, 0, 123).AddTicks(4560), e.Time);
        Assert.Equal("api.call", e.Type);
        Assert.Equal("deny", e.Outcome);
        Assert.Equal("k8s:attacker@example.com", e.Actor);
        Assert.Equal(Account, e.Account);
        Assert.Equal("clusterrolebindings/backdoor", e.Resource);
        Assert.Equal("198.51.100.23", e.Ip);
        AssertProvenance(e, "kubernetes-audit", "create:clusterrolebindings", timed);
    }

    [Fact]
    public void Kubernetes_a_role_binding_created_is_access_granted()
    {
        string line = SampleLine("kubernetes-audit.jsonl", "\"rolebindings\"", "201");
        string timed = "{\"requestReceivedTimestamp\": \"2024-03-20T10:00:00Z\", " + line.Trim()[1..];

        var e = MappedRun.Of(Get("kubernetes-audit"), timed).Single;

        Assert.Equal("access.granted", e.Type);
        Assert.Equal("direct", e.Outcome);
        Assert.StartsWith("k8s:", e.Actor, StringComparison.Ordinal);
        Assert.StartsWith("rolebindings/", e.Resource, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_rejects_an_event_AKS_wrapped_in_a_string()
    {
        string line = SampleLine("kubernetes-audit.jsonl", "\"category\": \"kube-audit\"");

        var run = MappedRun.Of(Get("kubernetes-audit"), line);

        Assert.Equal("not a Kubernetes audit record: /kind is missing", Assert.Single(run.Rejections).Reason);
    }

    // GKE Cloud Audit Logs

    [Fact]
    public void Gke_a_service_create_not_granted_is_a_denied_call()
    {
        string line = SampleLine("gcp-k8s-audit.jsonl", "\"granted\": false", "io.k8s.core.v1.services.create");

        var e = MappedRun.Of(Get("gke-cloud-audit"), line).Single;

        Assert.Equal("sha256:" + RecordSha256(line), e.Id);
        Assert.Equal(Utc(2024, 2, 19, 12, 2, 22, 57).AddTicks(5860), e.Time);
        Assert.Equal("api.call", e.Type);
        Assert.Equal("deny", e.Outcome);
        Assert.Equal("gcp:some.user@company.com", e.Actor);
        Assert.Equal(Account, e.Account);
        Assert.Equal("core/v1/namespaces/default/services/test-ns", e.Resource);
        Assert.Equal("1.2.3.4", e.Ip);
        AssertProvenance(e, "gke-cloud-audit", "io.k8s.core.v1.services.create", line);
    }

    [Fact]
    public void Gke_a_record_without_a_principal_is_rejected_for_its_actor()
    {
        string line = SampleLine("gcp-k8s-audit.jsonl", "\"granted\": false", "v2.deploymentmanager.deployments.insert");

        var run = MappedRun.Of(Get("gke-cloud-audit"), line);

        Assert.StartsWith("no actor: none of gcp:{/protoPayload/authenticationInfo/principalEmail}", Assert.Single(run.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Gke_a_pod_created_is_unmapped_under_its_method()
    {
        string line = SampleLine("gcp-k8s-audit.jsonl", "io.k8s.core.v1.pods.create", "2024-02-16 11:48:22");

        var run = MappedRun.Of(Get("gke-cloud-audit"), line);

        Assert.Equal([new("io.k8s.core.v1.pods.create", 1)], run.Counts.UnmappedByName.Names);
    }

    [Fact]
    public void Gke_a_cluster_role_binding_created_maps_field_by_field()
    {
        // As GKE writes it (Cloud Audit Logs, k8s.io service); the shared samples hold no RBAC change.
        string line = "{\"insertId\":\"a1b2c3d4e5\",\"logName\":\"projects/northwind/logs/cloudaudit.googleapis.com%2Factivity\","
            + "\"protoPayload\":{\"@type\":\"type.googleapis.com/google.cloud.audit.AuditLog\",\"authenticationInfo\":{\"principalEmail\":\"ops@northwind.example\"},"
            + "\"methodName\":\"io.k8s.authorization.rbac.v1.clusterrolebindings.create\",\"requestMetadata\":{\"callerIp\":\"203.0.113.40\"},"
            + "\"resourceName\":\"rbac.authorization.k8s.io/v1/clusterrolebindings/ops-admin\",\"serviceName\":\"k8s.io\"},"
            + "\"resource\":{\"type\":\"k8s_cluster\",\"labels\":{\"cluster_name\":\"prod\",\"project_id\":\"northwind\"}},\"timestamp\":\"2024-02-13T13:13:24.079140Z\"}";

        var e = MappedRun.Of(Get("gke-cloud-audit"), line).Single;

        Assert.Equal("a1b2c3d4e5", e.Id);
        Assert.Equal(Utc(2024, 2, 13, 13, 13, 24, 79).AddTicks(1400), e.Time);
        Assert.Equal("access.granted", e.Type);
        Assert.Equal("direct", e.Outcome);
        Assert.Equal("gcp:ops@northwind.example", e.Actor);
        Assert.Equal("rbac.authorization.k8s.io/v1/clusterrolebindings/ops-admin", e.Resource);
        Assert.Equal("203.0.113.40", e.Ip);
        AssertProvenance(e, "gke-cloud-audit", "io.k8s.authorization.rbac.v1.clusterrolebindings.create", line);
    }

    // Microsoft Entra ID

    [Fact]
    public void Entra_a_sign_in_with_a_wrong_password()
    {
        string line = SampleLine("azure-signin.jsonl", "ropc-fail-001");

        var e = MappedRun.Of(Get("entra-id-signin"), line).Single;

        Assert.Equal("sha256:" + RecordSha256(line), e.Id);
        Assert.Equal(Utc(2025, 1, 15, 15, 5, 50, 678).AddTicks(9012), e.Time);
        Assert.Equal("auth.login", e.Type);
        Assert.Equal("failure", e.Outcome);
        Assert.Equal("user:attacker@company.com", e.Actor);
        Assert.Equal(Account, e.Account);
        Assert.Equal("192.0.2.250", e.Ip);
        Assert.Equal("Office Application", e.Resource);
        AssertProvenance(e, "entra-id-signin", "SignInLogs:Sign-in activity", line);
    }

    [Fact]
    public void Entra_a_successful_service_principal_sign_in_keeps_its_id()
    {
        string line = SampleLine("azure-signin.jsonl", "55270060-d8fe-435e-9bf2-219a1d456b60");

        var e = MappedRun.Of(Get("entra-id-signin"), line).Single;

        Assert.Equal("55270060-d8fe-435e-9bf2-219a1d456b60", e.Id);
        Assert.Equal(Utc(2023, 7, 27, 13, 59, 53, 691).AddTicks(6803), e.Time);
        Assert.Equal("auth.login", e.Type);
        Assert.Equal("12.12.12.12", e.Ip);
    }

    [Fact]
    public void Entra_a_member_added_to_a_role()
    {
        string line = SampleLine("azure-signin.jsonl", "\"operationName\": \"Add member to role\"");

        var e = MappedRun.Of(Get("entra-id-signin"), line).Single;

        Assert.Equal("PIM_123415", e.Id);
        Assert.Equal(Utc(2024, 12, 16, 16, 32, 16, 87).AddTicks(5540), e.Time);
        Assert.Equal("access.granted", e.Type);
        Assert.Equal("direct", e.Outcome);
        Assert.Equal("user:Radahn@Starscourge.onmicrosoft.com", e.Actor);
        Assert.Equal("Application Administrator", e.Resource);
        AssertProvenance(e, "entra-id-signin", "AuditLogs:Add member to role", line);
    }

    [Fact]
    public void Entra_a_conditional_access_policy_updated()
    {
        string line = SampleLine("azure-signin.jsonl", "Update conditional access policy");

        var e = MappedRun.Of(Get("entra-id-signin"), line).Single;

        Assert.Equal("access.policy_changed", e.Type);
        Assert.Equal("success", e.Outcome);
        Assert.Equal("user:denethor@lotr.com", e.Actor);
        Assert.Equal("MFA", e.Resource);
        Assert.Equal(Utc(2024, 11, 27, 3, 31, 26, 708).AddTicks(8498), e.Time);
    }
}

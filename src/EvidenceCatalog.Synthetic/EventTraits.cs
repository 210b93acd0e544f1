using System;
using System.Collections.Generic;

namespace EvidenceCatalog.Synthetic;

/// <summary>Where the resource of a synthetic event comes from.</summary>
internal enum ResourceSource
{
    /// <summary>No resource.</summary>
    None,

    /// <summary>One of <see cref="EventTraits.Resources"/>, followed by a number below <see cref="EventTraits.ResourceRange"/> when it is positive.</summary>
    Listed,

    /// <summary><c>vendor:&lt;id&gt;</c> for a vendor of the catalog.</summary>
    CatalogVendor,

    /// <summary><c>role:&lt;id&gt;</c> for a role of the access model.</summary>
    CatalogRole,
}

/// <summary>Where the ip of a synthetic event comes from.</summary>
internal enum IpSource
{
    /// <summary>The user's own address; none for a service.</summary>
    Actor,

    /// <summary>An attacker's address, blocked at the edge.</summary>
    Hostile,

    /// <summary>No address: the emitting service never sees the client.</summary>
    None,
}

/// <summary>
/// How often a type of event happens and what its events look like. <see cref="Share"/> is a weight among the types that
/// scale with traffic; <see cref="PerDay"/> is a count a day that does not (a backup runs daily however busy the API is).
/// </summary>
/// <param name="Share">Weight in the day's traffic; 0 for scheduled types.</param>
/// <param name="PerDay">Expected events a day whatever the traffic; below 1, one event every round(1 / PerDay) days.</param>
/// <param name="Outcomes">Outcome weights; outcomes the catalog declares and this list lacks weigh 1.</param>
/// <param name="UserShare">Share of events done by a user rather than a service.</param>
/// <param name="Services">The services that emit the type (names after <c>service:</c>); empty means any.</param>
/// <param name="Resource">Where the resource comes from.</param>
/// <param name="Resources">Resource prefixes for <see cref="ResourceSource.Listed"/>.</param>
/// <param name="ResourceRange">Numbers appended to a listed resource; 0 for none.</param>
/// <param name="Attributes">Attribute objects as JSON, each for one outcome (<c>outcome|{...}</c>) or for all (<c>{...}</c>).</param>
/// <param name="Ip">Where the ip comes from.</param>
internal sealed record EventTraits(
    double Share,
    double PerDay,
    (string Outcome, int Weight)[] Outcomes,
    double UserShare,
    string[] Services,
    ResourceSource Resource,
    string[] Resources,
    int ResourceRange,
    string[] Attributes,
    IpSource Ip = IpSource.Actor)
{
    /// <summary>Traits of a type the table does not know: a small share of traffic, from users and services alike.</summary>
    public static readonly EventTraits Unknown = new(
        Share: 0.5, PerDay: 0, Outcomes: [], UserShare: 0.5, Services: [], ResourceSource.None, [], 0, []);

    /// <summary>The traits of <paramref name="eventType"/>, or <see cref="Unknown"/>.</summary>
    public static EventTraits For(string eventType) => Known.TryGetValue(eventType, out var traits) ? traits : Unknown;

    /// <summary>
    /// A SaaS company's week: policy decisions and API calls are most of the volume, then sign-ins, then data protection
    /// and monitoring; access, change, incident, vendor and backup events are counts a day, not shares of traffic.
    /// </summary>
    private static readonly Dictionary<string, EventTraits> Known = new(StringComparer.Ordinal)
    {
        ["policy.decision"] = new(
            Share: 42, PerDay: 0, [("allow", 93), ("deny", 7)], UserShare: 0.9, ["workspace-sync", "search-indexer", "llm-proxy"],
            ResourceSource.Listed, ["doc:", "doc:", "doc:", "ws:", "comment:"], 400_000,
            ["{\"action\":\"read\"}", "{\"action\":\"read\"}", "{\"action\":\"write\"}", "{\"action\":\"share\"}", "{\"action\":\"delete\"}"],
            IpSource.None),
        ["api.call"] = new(
            Share: 33, PerDay: 0, [("allow", 96), ("deny", 4)], UserShare: 0.75, ["billing", "scim-provisioner", "search-indexer", "workspace-sync"],
            ResourceSource.Listed, ["/v1/documents/", "/v1/workspaces/", "/v1/comments/", "/v1/exports/"], 100_000,
            [
                "allow|{\"method\":\"GET\",\"status\":200}", "allow|{\"method\":\"GET\",\"status\":200}", "allow|{\"method\":\"POST\",\"status\":201}",
                "allow|{\"method\":\"PATCH\",\"status\":200}", "allow|{\"method\":\"DELETE\",\"status\":204}",
                "deny|{\"method\":\"GET\",\"status\":403}", "deny|{\"method\":\"POST\",\"status\":401}", "deny|{\"method\":\"GET\",\"status\":429}",
            ]),
        ["auth.login"] = new(
            Share: 9, PerDay: 0, [("success", 94), ("failure", 6)], UserShare: 1, [],
            ResourceSource.Listed, ["app:workspace", "app:admin-console", "app:api-portal"], 0,
            [
                "success|{\"method\":\"okta_sso\"}", "success|{\"method\":\"okta_sso\"}", "success|{\"method\":\"local\"}",
                "failure|{\"method\":\"okta_sso\",\"reason\":\"bad_password\"}", "failure|{\"method\":\"local\",\"reason\":\"locked\"}",
            ]),
        ["auth.mfa"] = new(
            Share: 7.5, PerDay: 0, [("success", 97), ("failure", 3)], UserShare: 1, [],
            ResourceSource.Listed, ["app:workspace", "app:admin-console"], 0,
            ["{\"factor\":\"webauthn\"}", "{\"factor\":\"okta_verify_push\"}", "{\"factor\":\"totp\"}"]),
        ["monitoring.heartbeat"] = new(
            Share: 3, PerDay: 0, [("ok", 998), ("missed", 2)], UserShare: 0, ["datadog-synthetics"],
            ResourceSource.Listed, ["monitor:api-gateway", "monitor:policy-engine", "monitor:workspace-web", "monitor:search", "monitor:llm-proxy"], 0,
            ["{\"check\":\"https\"}", "{\"check\":\"tcp\"}"]),
        ["dlp.transmission"] = new(
            Share: 1.5, PerDay: 0, [("allowed", 90), ("intercepted", 7), ("denied", 3)], UserShare: 0.8, ["export-worker"],
            ResourceSource.Listed, ["doc:"], 400_000,
            ["{\"channel\":\"export\"}", "{\"channel\":\"share_link\"}", "{\"channel\":\"integration\"}"]),
        ["pii.detection"] = new(
            Share: 1.5, PerDay: 0, [("passed", 70), ("redacted", 28), ("blocked", 2)], UserShare: 1, [],
            ResourceSource.Listed, ["doc:"], 400_000,
            ["passed|{\"entities\":0}", "redacted|{\"entities\":2}", "redacted|{\"entities\":5}", "blocked|{\"entities\":31}"]),
        ["network.ip_blocked"] = new(
            Share: 1.2, PerDay: 0, [("blocked", 1)], UserShare: 0, ["edge-waf"],
            ResourceSource.None, [], 0,
            ["{\"rule\":\"waf_sqli\"}", "{\"rule\":\"threat_intel\"}", "{\"rule\":\"rate_limit\"}"], IpSource.Hostile),
        ["anomaly.alert"] = new(
            Share: 0.1, PerDay: 0, [("usage_spike", 50), ("geo_anomaly", 25), ("rate_limit_exceeded", 25)], UserShare: 0, ["anomaly-detector"],
            ResourceSource.Listed, ["ws:"], 5_000, []),
        ["anomaly.destructive_pattern"] = new(
            Share: 0.03, PerDay: 0, [("flagged", 80), ("blocked", 20)], UserShare: 0, ["anomaly-detector"],
            ResourceSource.Listed, ["ws:"], 5_000,
            ["{\"pattern\":\"mass_delete\"}", "{\"pattern\":\"bulk_export\"}"]),
        ["access.granted"] = new(
            Share: 0, PerDay: 6, [("approved", 97), ("break_glass", 3)], UserShare: 0, ["scim-provisioner"],
            ResourceSource.CatalogRole, [], 0,
            ["approved|{\"via\":\"okta_scim\"}", "break_glass|{\"via\":\"break_glass\",\"hours\":4}"]),
        ["access.revoked"] = new(
            Share: 0, PerDay: 4, [("role_change", 40), ("offboarding", 35), ("expired", 15), ("review_finding", 10)], UserShare: 0, ["scim-provisioner"],
            ResourceSource.CatalogRole, [], 0, ["{\"via\":\"okta_scim\"}"]),
        ["change.deployed"] = new(
            Share: 0, PerDay: 12, [("success", 93), ("failure", 4), ("rolled_back", 3)], UserShare: 0, ["deploy-pipeline"],
            ResourceSource.Listed, ["repo:api", "repo:workspace-web", "repo:policy-engine", "repo:infra"], 0,
            ["{\"reviewed\":true,\"tests\":\"passed\"}"]),
        ["backup.completed"] = new(
            Share: 0, PerDay: 4, [("success", 99), ("failure", 1)], UserShare: 0, ["backup-runner"],
            ResourceSource.Listed, ["datastore:postgres-main", "datastore:postgres-audit", "datastore:s3-documents", "datastore:opensearch"], 0,
            ["{\"vault\":\"cross_region\"}"]),
        ["access.review_completed"] = new(
            Share: 0, PerDay: 0.11, [("completed", 80), ("completed_with_findings", 20)], UserShare: 1, [],
            ResourceSource.Listed, ["team:engineering", "team:support", "team:sales", "team:finance", "team:security"], 0,
            ["{\"scope\":\"production\"}", "{\"scope\":\"workspace_roles\"}"]),
        ["incident.opened"] = new(
            Share: 0, PerDay: 0.1, [("p4", 60), ("p3", 30), ("p2", 8), ("p1", 2)], UserShare: 1, [],
            ResourceSource.Listed, ["incident:INC-"], 10_000, ["{\"source\":\"pagerduty\"}"]),
        ["incident.resolved"] = new(
            Share: 0, PerDay: 0.1, [("resolved", 85), ("false_positive", 15)], UserShare: 1, [],
            ResourceSource.Listed, ["incident:INC-"], 10_000, ["{\"source\":\"pagerduty\"}"]),
        ["crypto.key_rotated"] = new(
            Share: 0, PerDay: 1.0 / 7, [("success", 99), ("failure", 1)], UserShare: 0, ["key-vault"],
            ResourceSource.Listed, ["key:kms/dek-", "key:kms/byok-"], 400,
            ["{\"kms\":\"aws\"}"]),
        ["vendor.review_completed"] = new(
            Share: 0, PerDay: 1.0 / 30, [("approved", 75), ("approved_with_conditions", 22), ("rejected", 3)], UserShare: 1, [],
            ResourceSource.CatalogVendor, [], 0, []),
        ["backup.restore_tested"] = new(
            Share: 0, PerDay: 1.0 / 91, [("success", 95), ("failure", 5)], UserShare: 0, ["backup-runner"],
            ResourceSource.Listed, ["datastore:postgres-main"], 0,
            ["{\"rtoMinutes\":38,\"rpoMinutes\":5}"]),
    };
}

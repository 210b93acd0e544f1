using System;
using System.Collections.Generic;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Runtime.Reports.Accounts;

/// <summary>
/// One account's own compliance configuration (docs/report-format.md, "Input: account configuration"): what the
/// policies catalog says of the organisation it describes, said of this account — its name, frameworks, PII detection,
/// data categories and retention. Every group is optional; where the file is silent, the policies catalog is the
/// default, and the report says so (<see cref="AccountPolicies"/>).
/// </summary>
/// <param name="Account">The account the file is about.</param>
/// <param name="OrganizationName">The organisation's name, or null.</param>
/// <param name="ActiveFrameworks">The frameworks it is assessed against, or null.</param>
/// <param name="PiiDetection">Its PII detection, or null.</param>
/// <param name="DataCategories">Its data categories and their residency, or null.</param>
/// <param name="Retention">Its retention periods, or null.</param>
public sealed record AccountConfiguration(
    string Account,
    string? OrganizationName,
    IReadOnlyList<string>? ActiveFrameworks,
    PiiDetection? PiiDetection,
    IReadOnlyList<DataCategory>? DataCategories,
    RetentionPolicy? Retention)
{
    /// <summary>Reads the file of <paramref name="account"/>; <paramref name="name"/> names it in messages (never an absolute path).</summary>
    /// <exception cref="AccountConfigurationException">The file is missing, unreadable or not a valid account configuration.</exception>
    public static AccountConfiguration Load(string path, string name, string account)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = InputFile.Read(path, why => new AccountConfigurationException($"account configuration {name} {why}"));
        return Parse(bytes, name, account);
    }

    /// <summary>Parses an account configuration strictly: an unknown member, a wrong type or value is an error naming the field.</summary>
    /// <exception cref="AccountConfigurationException">It is not a valid account configuration.</exception>
    public static AccountConfiguration Parse(ReadOnlySpan<byte> json, string name, string account)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(account);
        return AccountConfigurationJson.Read(json, name, account);
    }
}

/// <summary>An account configuration that cannot be used; the message names the file and the field.</summary>
public sealed class AccountConfigurationException(string message) : Exception(message);

using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Reports.Accounts;

/// <summary>Where a value of an account's policies comes from, as the report says it.</summary>
public enum PolicySource
{
    /// <summary>The account's own configuration file: <c>account</c>.</summary>
    Account,

    /// <summary>The policies catalog, which describes this very account (its organisation id is the account): <c>catalog</c>.</summary>
    Catalog,

    /// <summary>The policies catalog of another organisation, standing in where the account's configuration is silent: <c>catalog-default</c>.</summary>
    CatalogDefault,
}

/// <summary>A value and where it comes from.</summary>
public readonly record struct Sourced<T>(T Value, PolicySource Source);

/// <summary>
/// The policies a report states for its account: each group from the account's configuration, else from the policies
/// catalog — as <see cref="PolicySource.Catalog"/> when the catalog describes this account, else as
/// <see cref="PolicySource.CatalogDefault"/>. The organisation's name is never taken from a catalog about another
/// organisation: an account is never presented as someone else.
/// </summary>
public sealed record AccountPolicies(
    string Account,
    Sourced<string>? OrganizationName,
    Sourced<IReadOnlyList<string>>? ActiveFrameworks,
    Sourced<PiiDetection>? PiiDetection,
    Sourced<IReadOnlyList<DataCategory>>? DataCategories,
    Sourced<RetentionPolicy>? Retention)
{
    /// <summary>The policies of <paramref name="account"/>: <paramref name="configuration"/> over the catalog's.</summary>
    /// <exception cref="AccountConfigurationException">The configuration names a framework the catalogs do not declare.</exception>
    public static AccountPolicies Resolve(CatalogModel model, string account, AccountConfiguration? configuration, string? configurationName = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(account);
        if (configuration is not null && !string.Equals(configuration.Account, account, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the configuration is account '{configuration.Account}''s, not '{account}''s", nameof(configuration));
        }

        var frameworks = model.Frameworks.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        if (configuration?.ActiveFrameworks?.FirstOrDefault(f => !frameworks.Contains(f)) is { } unknown)
        {
            throw new AccountConfigurationException(
                $"account configuration {configurationName ?? account}: activeFrameworks names '{unknown}', which the catalogs do not declare (they declare: {string.Join(", ", frameworks.Order(StringComparer.Ordinal))})");
        }

        var catalog = model.Policies;
        var fromCatalog = catalog is not null && string.Equals(catalog.Organization.Id, account, StringComparison.Ordinal) ? PolicySource.Catalog : PolicySource.CatalogDefault;
        return new AccountPolicies(
            account,
            configuration?.OrganizationName is { } name ? new(name, PolicySource.Account)
                : fromCatalog == PolicySource.Catalog ? new(catalog!.Organization.Name, PolicySource.Catalog)
                : null,
            Pick(configuration?.ActiveFrameworks, catalog?.ActiveFrameworks.ToArray(), fromCatalog),
            Pick(configuration?.PiiDetection, catalog?.PiiDetection, fromCatalog),
            Pick(configuration?.DataCategories, catalog?.DataCategories.ToArray(), fromCatalog),
            Pick(configuration?.Retention, catalog?.Retention, fromCatalog));
    }

    /// <summary>How the report writes a source: <c>account</c>, <c>catalog</c>, <c>catalog-default</c>.</summary>
    public static string Name(PolicySource source) => KebabCase.FromEnum(source);

    private static Sourced<T>? Pick<T>(T? own, T? catalog, PolicySource fromCatalog)
        where T : class =>
        own is not null ? new(own, PolicySource.Account) : catalog is not null ? new(catalog, fromCatalog) : null;
}

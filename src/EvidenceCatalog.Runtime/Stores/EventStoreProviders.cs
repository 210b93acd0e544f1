using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace EvidenceCatalog.Runtime.Stores;

/// <summary>
/// A kind of event store a location can name: <c>KIND:VALUE</c> (<c>sqlite:events.db</c>,
/// <c>postgres:Host=db;…</c>). Each store package brings one, so the runtime knows no database driver.
/// </summary>
public interface IEventStoreProvider
{
    /// <summary>The prefixes that select this provider, without the colon, the first the canonical one (<c>postgres</c>, <c>postgresql</c>).</summary>
    IReadOnlyList<string> Prefixes { get; }

    /// <summary>True when a location without a prefix (a plain path) means this provider.</summary>
    bool TakesPlainPaths { get; }

    /// <summary>How a user writes a location of this kind, for messages: <c>sqlite:PATH</c>.</summary>
    string Usage { get; }

    /// <summary>Parses what follows the prefix (all of <paramref name="spec"/> for a plain path).</summary>
    /// <param name="spec">The location as the user wrote it, for messages (the provider leaves its secrets out).</param>
    /// <param name="value">The part after the prefix.</param>
    /// <param name="options">Batch size, clock, base directory.</param>
    /// <exception cref="EventStoreException">The value is not a location of this kind.</exception>
    EventStoreLocation Parse(string spec, string value, EventStoreLocationOptions options);
}

/// <summary>The store providers an application offers, and the one parser of store locations.</summary>
public sealed partial class EventStoreProviders
{
    private readonly IReadOnlyList<IEventStoreProvider> providers;

    /// <exception cref="ArgumentException">Two providers claim the same prefix, or plain paths.</exception>
    public EventStoreProviders(params IEventStoreProvider[] providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        this.providers = providers;
        var prefixes = providers.SelectMany(p => p.Prefixes).GroupBy(p => p, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (prefixes is not null)
        {
            throw new ArgumentException($"two store providers claim the prefix '{prefixes.Key}'", nameof(providers));
        }

        if (providers.Count(p => p.TakesPlainPaths) > 1)
        {
            throw new ArgumentException("only one store provider may take plain paths", nameof(providers));
        }
    }

    /// <summary>The providers, in the order given.</summary>
    public IReadOnlyList<IEventStoreProvider> All => providers;

    /// <summary>What a location may be, for messages and option descriptions: "sqlite:PATH, postgres:CONNECTION-STRING or a file path".</summary>
    public string Usage
    {
        get
        {
            var forms = providers.Select(p => p.Usage).ToList();
            if (providers.Any(p => p.TakesPlainPaths))
            {
                forms.Add("a file path");
            }

            return forms.Count switch
            {
                0 => "no kind of event store (no store provider is installed)",
                1 => forms[0],
                _ => string.Join(", ", forms.Take(forms.Count - 1)) + " or " + forms[^1],
            };
        }
    }

    /// <summary>Parses a location: <c>KIND:VALUE</c> for a registered kind, or a plain path for the provider that takes them.</summary>
    /// <exception cref="EventStoreException">The spec is empty, of an unknown kind, or not a valid location of its kind.</exception>
    public EventStoreLocation Parse(string spec, EventStoreLocationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new EventStoreLocationOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new EventStoreException(EventStoreProblem.InvalidLocation, spec, "the event store location is empty; give " + Usage);
        }

        foreach (var provider in providers)
        {
            foreach (string prefix in provider.Prefixes)
            {
                if (spec.Length > prefix.Length && spec[prefix.Length] == ':' && spec.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return provider.Parse(spec, spec[(prefix.Length + 1)..], options);
                }
            }
        }

        if (Scheme().Match(spec) is { Success: true } scheme)
        {
            // Only the prefix is shown: the rest may be a connection string holding a secret.
            throw new EventStoreException(
                EventStoreProblem.InvalidLocation, scheme.Value + "…", $"unknown event store kind '{scheme.Groups[1].Value}'; give {Usage}");
        }

        return providers.FirstOrDefault(p => p.TakesPlainPaths) is { } files
            ? files.Parse(spec, spec, options)
            : throw new EventStoreException(EventStoreProblem.InvalidLocation, spec, $"'{spec}' names no kind of event store; give {Usage}");
    }

    // Two letters at least, so a Windows drive (C:\…) stays a path.
    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.-]+):")]
    private static partial Regex Scheme();
}

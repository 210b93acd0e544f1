using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>How a report's sections are built: their sources and the time each may take.</summary>
public sealed record SectionSettings
{
    /// <summary>The built-in sources, no timeout (the CLI's settings).</summary>
    public static readonly SectionSettings Default = new();

    /// <summary>
    /// The time each section's source has, from when it may start, before the section is degraded and the report goes
    /// on without it. <see cref="Timeout.InfiniteTimeSpan"/> (the default) waits for ever.
    /// </summary>
    public TimeSpan Timeout { get; init; } = System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>The clock the timeouts run on. Default the system clock.</summary>
    public TimeProvider TimeoutClock { get; init; } = TimeProvider.System;

    /// <summary>The sources, one per section; <see cref="SectionSources.Default"/> unless replaced with <see cref="With"/>.</summary>
    public IReadOnlyList<ISectionSource> Sources { get; init; } = SectionSources.Default;

    /// <summary>These settings with <paramref name="source"/> in place of the source of the same name.</summary>
    /// <exception cref="ArgumentException">No section has the source's name.</exception>
    public SectionSettings With(ISectionSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _ = SectionSources.Of(source.Name);
        return this with { Sources = Sources.Where(s => !string.Equals(s.Name, source.Name, StringComparison.Ordinal)).Append(source).ToArray() };
    }

    /// <summary>The source of the section <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No section has that name.</exception>
    public ISectionSource SourceOf(string name) =>
        Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal)) ?? SectionSources.Of(name);
}

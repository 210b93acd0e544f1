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

    /// <summary>Sources that replace the built-in one of the same name (<see cref="With"/>).</summary>
    public IReadOnlyList<ISectionSource> Sources { get; init; } = [];

    /// <summary>These settings with <paramref name="source"/> in place of the source of the same name.</summary>
    /// <exception cref="ArgumentException">No section has the source's name.</exception>
    public SectionSettings With(ISectionSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _ = SectionDefinitions.Get(source.Name);
        return this with { Sources = Sources.Where(s => !string.Equals(s.Name, source.Name, StringComparison.Ordinal)).Append(source).ToArray() };
    }

    /// <summary>The source of <paramref name="section"/>: a replacement of the same name, else the built-in one.</summary>
    public ISectionSource SourceOf(SectionDefinition section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Sources.FirstOrDefault(s => string.Equals(s.Name, section.Name, StringComparison.Ordinal)) ?? section.DefaultSource;
    }
}

using EvidenceCatalog.Model;
using EvidenceCatalog.Compiler.Yaml;

namespace EvidenceCatalog.Compiler;

/// <summary>How a compilation judges the catalogs. The compiler never reads the clock: the as-of date is given.</summary>
public sealed record CompilerOptions
{
    /// <summary>The date review deadlines are judged against; null skips date-based policy checks.</summary>
    public CalendarDate? AsOf { get; init; }

    /// <summary>Warnings become errors (like -warnaserror).</summary>
    public bool Strict { get; init; }

    public YamlLimits Limits { get; init; } = YamlLimits.Default;
}

using System;
using System.IO;
using EvidenceCatalog.Cli.Caching;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>What a command may touch of the outside world, passed in so that tests run it in process.</summary>
/// <param name="WorkingDirectory">Absolute directory that relative paths are resolved against and display paths are relative to.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error: one line per problem, never a stack trace.</param>
/// <param name="Clock">Source of today's date when none is given.</param>
internal sealed record CommandContext(string WorkingDirectory, TextWriter Output, TextWriter Error, TimeProvider Clock)
{
    /// <summary>True when the output is a terminal: live progress and colours; false in pipes, CI logs and tests.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Where the runtime commands keep the models of catalogs that compiled; null compiles every time (tests, <c>EVIDENCE_CATALOG_CACHE=off</c>).</summary>
    public CompiledCatalogCache? CatalogCache { get; init; }

    /// <summary>Today's date in UTC, by <see cref="Clock"/>: the default as-of date and the end of default windows.</summary>
    public CalendarDate Today
    {
        get
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            return new CalendarDate(now.Year, now.Month, now.Day);
        }
    }
}

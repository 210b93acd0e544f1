using System;
using System.Collections.Generic;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>Why an input's source could not be chosen.</summary>
public enum LogSourceChoiceProblem
{
    /// <summary>The name is neither a source of the catalog nor <c>native</c> or <c>auto</c>.</summary>
    Unknown,

    /// <summary><c>auto</c>: the input's first records are of no source (or it has none).</summary>
    NotRecognized,

    /// <summary><c>auto</c>: the input's first records are of several sources.</summary>
    Ambiguous,
}

/// <summary>
/// An input's source could not be chosen: an unknown name, or an input whose source is not recognised (none, or
/// several). The message says which in the library's terms; a host adds how to name the source with its own options.
/// </summary>
public sealed class LogSourceChoiceException : Exception
{
    public LogSourceChoiceException()
    {
    }

    public LogSourceChoiceException(string message)
        : base(message)
    {
    }

    public LogSourceChoiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal LogSourceChoiceException(LogSourceChoiceProblem problem, string name, string? input, IReadOnlyList<string> candidates, IReadOnlyList<string> known, string message)
        : base(message)
    {
        Problem = problem;
        Name = name;
        Input = input;
        Candidates = candidates;
        Known = known;
    }

    public LogSourceChoiceProblem Problem { get; }

    /// <summary>The name that was given (<c>auto</c> when recognition failed).</summary>
    public string Name { get; } = string.Empty;

    /// <summary>The input whose source was to be recognised; null for an unknown name.</summary>
    public string? Input { get; }

    /// <summary>For <see cref="LogSourceChoiceProblem.Ambiguous"/>: the ids of the sources the input could be.</summary>
    public IReadOnlyList<string> Candidates { get; } = [];

    /// <summary>The names that can be chosen: the catalog's source ids, then <c>native</c>.</summary>
    public IReadOnlyList<string> Known { get; } = [];
}

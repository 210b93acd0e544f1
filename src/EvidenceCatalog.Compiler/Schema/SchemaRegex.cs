using System;
using System.Globalization;
using System.Text.RegularExpressions;
using EvidenceCatalog.Compiler.Diagnostics;

namespace EvidenceCatalog.Compiler.Schema;

/// <summary>What checking a value against a <see cref="SchemaRegex"/> gave.</summary>
internal enum PatternVerdict
{
    Matches,
    DoesNotMatch,
    TimedOut,
}

/// <summary>
/// A regular expression a schema holds ("pattern", or a key of "patternProperties"), with the position of its keyword.
/// It runs without backtracking where the runtime has that engine (.NET 7 and later: linear time, so no catastrophic
/// backtracking), and always under a match timeout: a pattern such as <c>^(a+)+$</c> took 4.9 s on 26 characters
/// with NJsonSchema's unbounded <c>Regex.IsMatch</c>. After one timeout the pattern is not run again, so a file of such
/// values costs one timeout, not one per value.
/// </summary>
internal sealed class SchemaRegex
{
    /// <summary>How long one match may take. Real patterns on catalog values take microseconds.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    // RegexOptions.NonBacktracking (.NET 7+), which netstandard2.0 does not name.
    private const RegexOptions NonBacktracking = (RegexOptions)1024;

    private readonly Regex regex;
    private volatile bool timedOut;

    private SchemaRegex(string pattern, string schemaPath, SourceSpan keyword, Regex regex)
    {
        Pattern = pattern;
        SchemaPath = schemaPath;
        Keyword = keyword;
        this.regex = regex;
    }

    public string Pattern { get; }

    /// <summary>The schema file that holds the pattern.</summary>
    public string SchemaPath { get; }

    /// <summary>Where the keyword is in <see cref="SchemaPath"/> (for a patternProperties key, the key).</summary>
    public SourceSpan Keyword { get; }

    /// <summary>The keyword's place as diagnostics write it: <c>schemas/x.schema.json(12,7)</c>.</summary>
    public string Location => SchemaPath + "(" + Keyword.StartLine.ToString(CultureInfo.InvariantCulture) + "," + Keyword.StartColumn.ToString(CultureInfo.InvariantCulture) + ")";

    /// <summary>The pattern, compiled as it will run.</summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression (see <see cref="SyntaxError"/>).</exception>
    public static SchemaRegex Create(string pattern, string schemaPath, SourceSpan keyword)
    {
        Regex regex;
        try
        {
            regex = new Regex(pattern, NonBacktracking, MatchTimeout);
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentOutOfRangeException)
        {
            // Lookarounds, backreferences and atomic groups need backtracking (NotSupportedException); runtimes before
            // .NET 7 have no such engine (ArgumentOutOfRangeException). The timeout still bounds every match.
            regex = new Regex(pattern, RegexOptions.None, MatchTimeout);
        }

        return new SchemaRegex(pattern, schemaPath, keyword, regex);
    }

    /// <summary>Why <paramref name="pattern"/> is not a valid regular expression, or null when it is one.</summary>
    public static string? SyntaxError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, MatchTimeout);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    public PatternVerdict Match(string value)
    {
        if (timedOut)
        {
            return PatternVerdict.TimedOut;
        }

        try
        {
            return regex.IsMatch(value) ? PatternVerdict.Matches : PatternVerdict.DoesNotMatch;
        }
        catch (RegexMatchTimeoutException)
        {
            timedOut = true;
            return PatternVerdict.TimedOut;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EvidenceCatalog.Runtime.Reports;

/// <summary>The options of a report, for a host to name in its own terms (a command-line flag, a query parameter).</summary>
public enum ReportOption
{
    Account,
    Window,
    TimeZone,
    GapDays,
    SampleSize,
    Control,
}

/// <summary>A report option that cannot work; the message says what is wrong in the library's terms.</summary>
public sealed class ReportOptionsException(ReportOption option, string message) : ArgumentException(message)
{
    /// <summary>The option that is wrong.</summary>
    public ReportOption Option { get; } = option;
}

/// <summary>
/// The inputs hold no event of the report's account while they hold other accounts' events: a mistyped account, or the
/// wrong inputs. A report would be empty and say nothing; the job refuses it instead (when asked to).
/// </summary>
public sealed class NoEventsForAccountException : Exception
{
    /// <summary>How many of the largest other accounts the message names.</summary>
    public const int NamedAccounts = 5;

    public NoEventsForAccountException(string account, IReadOnlyDictionary<string, long> otherAccounts)
        : base(Describe(account, otherAccounts))
    {
        Account = account;
        OtherAccounts = otherAccounts;
    }

    /// <summary>The account asked for.</summary>
    public string Account { get; }

    /// <summary>The accounts the inputs hold, with their events.</summary>
    public IReadOnlyDictionary<string, long> OtherAccounts { get; }

    /// <summary>"no events for account 'northwind'; the inputs hold: northwind-cloud (120,000)".</summary>
    private static string Describe(string account, IReadOnlyDictionary<string, long> others)
    {
        var largest = others.OrderByDescending(o => o.Value).ThenBy(o => o.Key, StringComparer.Ordinal).ToList();
        string listed = string.Join(", ", largest.Take(NamedAccounts).Select(o => $"{o.Key} ({o.Value.ToString("N0", CultureInfo.InvariantCulture)})"));
        string more = largest.Count > NamedAccounts ? $" and {largest.Count - NamedAccounts} more" : string.Empty;
        return $"no events for account '{account}'; the inputs hold: {listed}{more}";
    }
}

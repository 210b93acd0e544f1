using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EvidenceCatalog.Runtime.Reports.Sections;

/// <summary>
/// One section of the report, defined once: its name as the API spells it, its member in the report's JSON, whether
/// it is counted from the events, how the built-in source builds it, and its safe defaults for when a source fails.
/// The typed form, <see cref="SectionDefinition{TSection}"/>, gives each section its own record type, so that a
/// report's sections are read by definition (<see cref="ReportSections.Get{TSection}"/>), never by position.
/// </summary>
public abstract class SectionDefinition
{
    private protected SectionDefinition(string name, bool readsEvents)
    {
        Name = name;
        Member = MemberOf(name);
        ReadsEvents = readsEvents;
    }

    /// <summary>The name the API and docs use: <c>access-review</c>.</summary>
    public string Name { get; }

    /// <summary>The member of <c>sections</c> in the report's JSON: <c>accessReview</c>.</summary>
    public string Member { get; }

    /// <summary>
    /// True when the section is counted from the report's events: it is started once the event evidence is filled,
    /// and its timeout runs from then.
    /// </summary>
    public bool ReadsEvents { get; }

    /// <summary>The record type of the section.</summary>
    public abstract Type SectionType { get; }

    /// <summary>The built-in source (in-memory work over the catalog, the access snapshot or the tally).</summary>
    public abstract ISectionSource DefaultSource { get; }

    /// <summary>The section with safe defaults (empty lists, zero counts), not yet marked degraded.</summary>
    public abstract ReportSection Fallback(SectionContext context);

    public override string ToString() => Name;

    /// <summary><c>access-review</c> → <c>accessReview</c>.</summary>
    private static string MemberOf(string name)
    {
        var member = new StringBuilder(name.Length);
        bool upper = false;
        foreach (char c in name)
        {
            if (c == '-')
            {
                upper = true;
                continue;
            }

            member.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return member.ToString();
    }
}

/// <summary>A section whose record type is <typeparamref name="TSection"/>.</summary>
public sealed class SectionDefinition<TSection> : SectionDefinition
    where TSection : ReportSection
{
    private readonly Func<SectionContext, TSection> fallback;

    internal SectionDefinition(string name, bool readsEvents, Func<SectionContext, TSection> build, Func<SectionContext, TSection> fallback)
        : base(name, readsEvents)
    {
        this.fallback = fallback;
        DefaultSource = new BuiltInSource(this, build);
    }

    public override Type SectionType => typeof(TSection);

    public override ISectionSource DefaultSource { get; }

    public override ReportSection Fallback(SectionContext context) => fallback(context ?? throw new ArgumentNullException(nameof(context)));

    /// <summary>A built-in source: synchronous, in-memory work over the catalog, the snapshot or the tally.</summary>
    private sealed class BuiltInSource(SectionDefinition<TSection> definition, Func<SectionContext, TSection> build) : ISectionSource
    {
        public string Name => definition.Name;

        public bool ReadsEvents => definition.ReadsEvents;

        public Task<ReportSection> BuildAsync(SectionContext context, CancellationToken cancellationToken) => Task.FromResult<ReportSection>(build(context));
    }
}

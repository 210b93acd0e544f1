using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Coverage;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Cli.Output;

/// <summary>
/// A coverage as <c>evidence sources coverage</c> shows it, whatever the format: each list cut to the <c>--top</c> first
/// entries, with what was cut counted together so that the counts still add up.
/// </summary>
internal sealed class CoverageView
{
    public CoverageView(SourceCoverage coverage, CatalogModel model, int top)
    {
        Coverage = coverage;
        Top = top;
        Sections = coverage.Sources.Select(s => new SectionView(s, top)).ToArray();
        Frameworks = model.Frameworks.ToDictionary(f => f.Id, f => f.Name, System.StringComparer.Ordinal);
        ControlNames = model.Controls.ToDictionary(c => c.Id, c => c.Name, System.StringComparer.Ordinal);
    }

    public SourceCoverage Coverage { get; }

    /// <summary>How many entries each list shows; 0 for all.</summary>
    public int Top { get; }

    public IReadOnlyList<SectionView> Sections { get; }

    /// <summary>Framework names by id.</summary>
    public IReadOnlyDictionary<string, string> Frameworks { get; }

    /// <summary>Control names by id.</summary>
    public IReadOnlyDictionary<string, string> ControlNames { get; }

    /// <summary>The catalog's criteria that controls prove with events: those evidenced and those not.</summary>
    public int ProvenByEvents => Coverage.Evidenced.Count + Coverage.NotEvidenced.Count;

    /// <summary>The first <paramref name="top"/> items (all for 0) and the rest.</summary>
    public static (IReadOnlyList<T> Shown, IReadOnlyList<T> Cut) Cut<T>(IReadOnlyList<T> items, int top) =>
        top == 0 || items.Count <= top ? (items, []) : (items.Take(top).ToArray(), items.Skip(top).ToArray());

    /// <summary>One source's lists, cut.</summary>
    public sealed class SectionView
    {
        public SectionView(SourceCoverageSection section, int top)
        {
            Section = section;
            var (mapped, mappedRest) = Cut(section.Mapped, top);
            Mapped = mapped;
            MappedOtherNames = mappedRest.Count;
            MappedOtherEvents = mappedRest.Sum(m => m.Events) + section.MappedOther;
            var (unmapped, unmappedOther) = section.Counts.UnmappedByName.Top(top == 0 ? int.MaxValue : top);
            Unmapped = unmapped;
            UnmappedOther = unmappedOther;
            var (reasons, reasonsRest) = Cut(section.Rejections, top);
            Rejections = reasons;
            RejectionsOther = reasonsRest.Sum(r => r.Count) + section.RejectionsOther;
        }

        public SourceCoverageSection Section { get; }

        public IngestionCounts Counts => Section.Counts;

        /// <summary>Accepted events of every native name (those of names not counted by themselves included).</summary>
        public long MappedEvents => Section.Mapped.Sum(m => m.Events) + Section.MappedOther;

        public IReadOnlyList<NativeNameMapping> Mapped { get; }

        /// <summary>Names cut from <see cref="Mapped"/> (names never counted by themselves are not among them).</summary>
        public int MappedOtherNames { get; }

        /// <summary>Accepted events of the names not shown.</summary>
        public long MappedOtherEvents { get; }

        public IReadOnlyList<NativeNameCount> Unmapped { get; }

        /// <summary>Unmapped records of the names not shown.</summary>
        public long UnmappedOther { get; }

        public IReadOnlyList<ReasonCount> Rejections { get; }

        /// <summary>Rejections of the reasons not shown.</summary>
        public long RejectionsOther { get; }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Runtime.Mapping;

/// <summary>
/// The catalog's event types and outcomes as small integers, and the controls each (type, outcome) is evidence for.
/// A <em>cell</em> is one (type, outcome-or-none) pair; everything a report counts is counted per cell and day,
/// then summed through <see cref="ControlsOf"/> — so an event is evidence once per control it matches.
/// </summary>
public sealed class EventVocabulary
{
    private readonly Utf8Lookup typeLookup;
    private readonly Utf8Lookup[] outcomeLookups;
    private readonly int[] cellBase;
    private readonly int[][] cellControls;
    private readonly int[] cellType;
    private readonly string?[] cellOutcome;
    private readonly Dictionary<string, int> typeIndex;

    public EventVocabulary(IEvidenceCatalog catalog)
    {
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        var model = catalog.Model;
        Types = model.EventTypes.Select(t => t.Id).ToArray();
        Outcomes = model.EventTypes.Select(t => t.Outcomes.ToArray()).ToArray();
        Controls = model.Controls.ToArray();
        typeLookup = new Utf8Lookup(Types);
        outcomeLookups = Outcomes.Select(o => new Utf8Lookup(o)).ToArray();
        typeIndex = Types.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);

        cellBase = new int[Types.Length];
        var controlIndex = Controls.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var controlsOfCell = new List<int[]>();
        var typeOfCell = new List<int>();
        var outcomeOfCell = new List<string?>();
        for (int t = 0; t < Types.Length; t++)
        {
            cellBase[t] = controlsOfCell.Count;
            foreach (string? outcome in new string?[] { null }.Concat(Outcomes[t]))
            {
                controlsOfCell.Add(catalog.ControlsFor(Types[t], outcome).Select(c => controlIndex[c.Id]).ToArray());
                typeOfCell.Add(t);
                outcomeOfCell.Add(outcome);
            }
        }

        cellControls = controlsOfCell.ToArray();
        cellType = typeOfCell.ToArray();
        cellOutcome = outcomeOfCell.ToArray();
        Metrics = model.Metrics.Select(m => new MetricCells(m, CellsOf(m.EventType, m.Outcomes))).ToImmutableArray();
    }

    public IEvidenceCatalog Catalog { get; }

    /// <summary>Event type ids in declaration order.</summary>
    public string[] Types { get; }

    /// <summary>Declared outcomes per type.</summary>
    public string[][] Outcomes { get; }

    /// <summary>Controls in declaration order.</summary>
    public Control[] Controls { get; }

    /// <summary>Number of (type, outcome-or-none) cells.</summary>
    public int CellCount => cellControls.Length;

    /// <summary>Each security metric with the cells it counts.</summary>
    public ImmutableArray<MetricCells> Metrics { get; }

    /// <summary>The type index of a UTF-8 type name, or -1 when the catalog does not declare it.</summary>
    public int FindType(ReadOnlySpan<byte> type) => typeLookup.Find(type);

    /// <summary>The type index of a type name, or -1.</summary>
    public int FindType(string type) => typeIndex.TryGetValue(type, out int index) ? index : -1;

    /// <summary>The cell of a type with no outcome.</summary>
    public int CellWithoutOutcome(int type) => cellBase[type];

    /// <summary>The cell of a type and a UTF-8 outcome, or -1 when the type does not declare that outcome.</summary>
    public int FindCell(int type, ReadOnlySpan<byte> outcome)
    {
        int index = outcomeLookups[type].Find(outcome);
        return index < 0 ? -1 : cellBase[type] + 1 + index;
    }

    /// <summary>The cell of a type and an outcome (null for none), or -1.</summary>
    public int FindCell(int type, string? outcome)
    {
        if (outcome is null)
        {
            return cellBase[type];
        }

        int index = Array.IndexOf(Outcomes[type], outcome);
        return index < 0 ? -1 : cellBase[type] + 1 + index;
    }

    /// <summary>Indices into <see cref="Controls"/> that an event of this cell is evidence for, each once.</summary>
    public int[] ControlsOf(int cell) => cellControls[cell];

    public int TypeOf(int cell) => cellType[cell];

    public string? OutcomeOf(int cell) => cellOutcome[cell];

    /// <summary>The cells of a type restricted to some outcomes (all its cells when <paramref name="outcomes"/> is empty).</summary>
    public int[] CellsOf(string type, IReadOnlyCollection<string> outcomes)
    {
        int t = FindType(type);
        if (t < 0)
        {
            return Array.Empty<int>();
        }

        var cells = Enumerable.Range(cellBase[t], Outcomes[t].Length + 1);
        return outcomes.Count == 0 ? cells.ToArray() : cells.Where(c => cellOutcome[c] is { } o && outcomes.Contains(o)).ToArray();
    }
}

/// <summary>A security metric of the events catalog and the cells it counts.</summary>
public sealed record MetricCells(SecurityMetric Metric, int[] Cells);

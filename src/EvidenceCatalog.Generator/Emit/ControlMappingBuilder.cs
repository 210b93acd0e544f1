using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using EvidenceCatalog.Generator.Emit.Specs;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Generator.Emit;

/// <summary>
/// Compiles the evidence rules into the switch of <c>ControlMappings.ControlsFor</c>. The sets are taken from
/// <see cref="ModelEvidenceCatalog"/> itself, so the generated lookup answers exactly what the run-time one does.
/// </summary>
internal static class ControlMappingBuilder
{
    private const string ControlType = CSharpLiteral.ModelNamespace + ".Control";

    /// <param name="model">The linked model.</param>
    /// <param name="controlMembers">The expression of each control of <paramref name="model"/>, by index.</param>
    public static MappingSpec Build(CatalogModel model, IReadOnlyList<string> controlMembers)
    {
        var index = new Dictionary<Control, int>(ReferenceComparer.Instance);
        for (int i = 0; i < model.Controls.Count; i++)
        {
            index[model.Controls[i]] = i;
        }

        var runtime = new ModelEvidenceCatalog(model);
        var rules = model.Controls.SelectMany(c => c.Evidence).ToList();
        var fields = new MemberNameScope("ControlMappings", new List<Compiler.Diagnostics.CatalogDiagnostic>(), "ControlsFor");
        var sets = new List<ControlSetSpec>();
        var fieldBySet = new Dictionary<string, string>(StringComparer.Ordinal);

        string Field(ImmutableArray<Control> controls)
        {
            string value = CSharpLiteral.ImmutableArray(ControlType, controls.Select(c => controlMembers[index[c]]));
            if (!fieldBySet.TryGetValue(value, out var field))
            {
                field = fields.ClaimQuietly("Set" + (sets.Count + 1).ToString(CultureInfo.InvariantCulture));
                fieldBySet.Add(value, field);
                sets.Add(new ControlSetSpec(field, value));
            }

            return field;
        }

        var eventTypes = new List<EventMappingSpec>();
        foreach (string eventType in rules.Select(r => r.EventType).Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal))
        {
            var any = runtime.ControlsFor(eventType, null);
            string fallback = any.IsEmpty ? CSharpLiteral.ImmutableArray(ControlType, Enumerable.Empty<string>()) : Field(any);
            var outcomes = new List<OutcomeMappingSpec>();
            foreach (string outcome in rules.Where(r => r.EventType == eventType).SelectMany(r => r.Outcomes).Distinct(StringComparer.Ordinal).OrderBy(o => o, StringComparer.Ordinal))
            {
                var controls = runtime.ControlsFor(eventType, outcome);

                // An outcome whose set is the any-outcome set needs no case: the default answers it.
                if (!controls.Select(c => index[c]).SequenceEqual(any.Select(c => index[c])))
                {
                    outcomes.Add(new OutcomeMappingSpec(CSharpLiteral.String(outcome), Field(controls)));
                }
            }

            eventTypes.Add(new EventMappingSpec(CSharpLiteral.String(eventType), fallback, outcomes.ToEquatableArray()));
        }

        return new MappingSpec(sets.ToEquatableArray(), eventTypes.ToEquatableArray());
    }

    /// <summary>Controls by identity: two equal records declared twice (an EC3001 catalog) are still two members.</summary>
    private sealed class ReferenceComparer : IEqualityComparer<Control>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(Control? x, Control? y) => ReferenceEquals(x, y);

        public int GetHashCode(Control obj) => RuntimeHelpers.GetHashCode(obj);
    }
}

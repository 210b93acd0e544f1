using System;
using System.Collections.Generic;
using System.Globalization;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Generator.Diagnostics;

namespace EvidenceCatalog.Generator.Emit;

/// <summary>
/// The member names of one generated class. A name already taken is disambiguated with a numeric suffix (so the
/// generated code still compiles) and reported as EC5001 at the id of the entry that had to give way.
/// </summary>
internal sealed class MemberNameScope
{
    /// <summary>Names a static class inherits from <see cref="object"/>: a member with one of them would hide it (CS0108).</summary>
    private static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString", "Finalize" };

    private readonly string className;
    private readonly Dictionary<string, Holder> taken = new(StringComparer.Ordinal);
    private readonly List<CatalogDiagnostic> diagnostics;

    public MemberNameScope(string className, List<CatalogDiagnostic> diagnostics, params string[] reserved)
    {
        this.className = className;
        this.diagnostics = diagnostics;
        var generated = new Holder(null, null, "a generated member");
        taken[Unqualified(className)] = new Holder(null, null, "the class itself");
        foreach (string name in ObjectMembers)
        {
            taken[name] = new Holder(null, null, "a member inherited from object");
        }

        foreach (string name in reserved)
        {
            taken[name] = generated;
        }
    }

    /// <summary>Claims <paramref name="name"/> for the <paramref name="kind"/> <paramref name="id"/> declared at <paramref name="pointer"/> of <paramref name="file"/>.</summary>
    public string Claim(string name, string kind, string id, LoadedCatalogFile file, string pointer)
    {
        var span = file.Spans.Find(pointer);
        var holder = new Holder(kind, id, string.Format(CultureInfo.InvariantCulture, "the {0} '{1}' at {2}({3},{4})", kind, id, file.Path, span.StartLine, span.StartColumn));
        if (!taken.TryGetValue(name, out var earlier))
        {
            taken[name] = holder;
            return name;
        }

        string unique = Disambiguate(name);
        taken[unique] = holder;

        // Two entries with the same id are the compiler's EC3001 already: the rename needs no second diagnostic.
        if (!(earlier.Kind == kind && earlier.Id == id))
        {
            diagnostics.Add(CatalogDiagnostic.Create(DiagnosticDescriptors.IdentifierCollision, file.Path, span, kind, id, name, className, earlier.Description, unique));
        }

        return unique;
    }

    /// <summary>Claims a name for something with no id of its own (a private field): never reported.</summary>
    public string ClaimQuietly(string name)
    {
        string unique = taken.ContainsKey(name) ? Disambiguate(name) : name;
        taken[unique] = new Holder(null, null, "a generated member");
        return unique;
    }

    private string Disambiguate(string name)
    {
        for (int i = 2; ; i++)
        {
            string candidate = name + "_" + i.ToString(CultureInfo.InvariantCulture);
            if (!taken.ContainsKey(candidate))
            {
                return candidate;
            }
        }
    }

    private static string Unqualified(string name)
    {
        int dot = name.LastIndexOf('.');
        return dot < 0 ? name : name.Substring(dot + 1);
    }

    private sealed record Holder(string? Kind, string? Id, string Description);
}

using System.Collections.Generic;

namespace EvidenceCatalog.Compiler.Diagnostics;

/// <summary>The "did you mean" hint of a diagnostic message.</summary>
internal static class NameSuggestion
{
    /// <summary>"; did you mean 'x'?" for the closest known name, or an empty string when none is close.</summary>
    public static string For(string value, IEnumerable<string> known) =>
        Model.ClosestName.Of(value, known) is { } best ? "; did you mean '" + best + "'?" : string.Empty;
}

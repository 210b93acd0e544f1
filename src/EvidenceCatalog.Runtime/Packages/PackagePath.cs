using System;
using System.Linq;

namespace EvidenceCatalog.Runtime.Packages;

/// <summary>
/// The paths files have inside a package, and the names the package reserves. A path is one or more segments joined by
/// <c>/</c>, each of ASCII letters, digits, <c>.</c>, <c>_</c> and <c>-</c>, not starting with a dot: the same on every
/// system, safe in a zip, and never needing quotes in a shell.
/// </summary>
public static class PackagePath
{
    /// <summary>Every file of the package but itself and the bundle, with its size and SHA-256.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>The DSSE envelope over the in-toto statement whose subjects are every file but itself.</summary>
    public const string Bundle = "bundle.dsse.json";

    /// <summary>The signed report, named as <c>evidence report</c> names it.</summary>
    public const string Report = "evidence-report.json";

    /// <summary>The folder of the evidence population: one CSV per control with evidence rules (<see cref="PopulationOf"/>).</summary>
    public const string PopulationFolder = "population";

    /// <summary>Each control's deterministic sample (one row per sampled event), named as <c>evidence report --format samples-csv</c> names it.</summary>
    public const string Samples = "evidence-samples.csv";

    /// <summary>The HTML workpaper of the signed report, named as <c>evidence report --format html</c> names it.</summary>
    public const string Workpaper = EvidenceCatalog.Runtime.Workpaper.WorkpaperRenderer.DefaultFileName;

    /// <summary>The folder of the OSCAL 1.2.1 documents (catalog, component definition, assessment results), as <c>evidence oscal</c> writes them.</summary>
    public const string OscalFolder = "oscal";

    /// <summary>
    /// The population CSV of the control <paramref name="controlId"/> (<c>population/IAM-01.csv</c>): one row per evidence
    /// event of the control, as <c>evidence report --format csv --control ID</c> writes it.
    /// </summary>
    /// <exception cref="ArgumentException">The id cannot be part of a package path (a catalog's control ids always can: 2 to 5 capital letters, a hyphen, 2 or 3 digits).</exception>
    public static string PopulationOf(string controlId)
    {
        ArgumentNullException.ThrowIfNull(controlId);
        string name = PopulationFolder + "/" + controlId + ".csv";
        string? problem = controlId.Contains('/', StringComparison.Ordinal) ? "'" + name + "' would be in a folder of its own" : Problem(name);
        return problem is null ? name : throw new ArgumentException("the control id '" + controlId + "' cannot name its population file in a package: " + problem, nameof(controlId));
    }

    /// <summary>Why <paramref name="name"/> cannot be a path in a package, or null.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > 200)
        {
            return "a package path has 1 to 200 characters";
        }

        foreach (string segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment[0] == '.')
            {
                return "'" + name + "' has an empty segment or one starting with '.'";
            }

            if (!segment.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-'))
            {
                return "'" + name + "' holds a character other than ASCII letters, digits, '.', '_', '-' and '/'";
            }
        }

        return null;
    }
}

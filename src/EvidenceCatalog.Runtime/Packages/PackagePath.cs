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

    /// <summary>The evidence population (one row per control × evidence event), named as <c>evidence report --format csv</c> names it.</summary>
    public const string Population = "evidence-report.csv";

    /// <summary>Each control's deterministic sample (one row per sampled event), named as <c>evidence report --format samples-csv</c> names it.</summary>
    public const string Samples = "evidence-samples.csv";

    /// <summary>The HTML workpaper of the signed report, named as <c>evidence report --format html</c> names it.</summary>
    public const string Workpaper = EvidenceCatalog.Runtime.Workpaper.WorkpaperRenderer.DefaultFileName;

    /// <summary>The folder of the OSCAL 1.2.1 documents (catalog, component definition, assessment results), as <c>evidence oscal</c> writes them.</summary>
    public const string OscalFolder = "oscal";

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

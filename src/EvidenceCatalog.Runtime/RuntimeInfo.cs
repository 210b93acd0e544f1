namespace EvidenceCatalog.Runtime;

/// <summary>Constants every report and export carries.</summary>
public static class RuntimeInfo
{
    /// <summary>The version of the report format (docs/report-format.md).</summary>
    public const string ReportVersion = "1.1.0";
}

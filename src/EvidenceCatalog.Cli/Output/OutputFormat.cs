namespace EvidenceCatalog.Cli.Output;

/// <summary>The shapes <c>evidence validate</c> can report diagnostics in.</summary>
internal enum OutputFormat
{
    /// <summary>MSBuild canonical lines, as compilers print them.</summary>
    Text,

    /// <summary>GitHub Actions workflow commands, shown as annotations on the pull request.</summary>
    GitHub,

    /// <summary>SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.</summary>
    Sarif,

    /// <summary>A plain JSON document for scripts.</summary>
    Json,

    /// <summary>JUnit XML, which CI test tabs read: a test case per file.</summary>
    JUnit,
}

namespace EvidenceCatalog.Cli.Commands;

/// <summary>What the process exit code tells CI.</summary>
public static class ExitCodes
{
    /// <summary>Every catalog is valid (warnings allowed unless --strict).</summary>
    public const int Success = 0;

    /// <summary>At least one catalog has an error.</summary>
    public const int CatalogErrors = 1;

    /// <summary>The command could not run: a usage mistake, a missing path, an unreadable file, an internal error.</summary>
    public const int UsageOrInputError = 2;
}

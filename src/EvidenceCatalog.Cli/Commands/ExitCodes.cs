namespace EvidenceCatalog.Cli.Commands;

/// <summary>What the process exit code tells CI.</summary>
public static class ExitCodes
{
    /// <summary>Done, and nothing is wrong (warnings allowed unless --strict).</summary>
    public const int Success = 0;

    /// <summary>
    /// Done, and something is wrong with what was checked: a catalog has an error, records were rejected or an input
    /// was damaged, a report was refused (an account the inputs do not hold), or a --require-* gate failed.
    /// </summary>
    public const int Failed = 1;

    /// <summary>The command could not run: a usage mistake, a missing path, an unreadable file, an unusable store or key.</summary>
    public const int UsageOrInputError = 2;

    /// <summary>A bug in the tool, not a problem with the input (EX_SOFTWARE in sysexits.h); the message asks for a report.</summary>
    public const int InternalError = 70;
}

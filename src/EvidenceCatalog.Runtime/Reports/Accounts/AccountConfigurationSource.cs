using System;

namespace EvidenceCatalog.Runtime.Reports.Accounts;

/// <summary>Where a report's account configuration comes from: a file read when the report is built, or one already parsed.</summary>
/// <param name="Path">The file, or null.</param>
/// <param name="Name">How messages (and a degraded section's reason, inside the signed report) name it: never an absolute path.</param>
/// <param name="Configuration">The parsed configuration, or null.</param>
public sealed record AccountConfigurationSource(string? Path, string Name, AccountConfiguration? Configuration)
{
    /// <summary>A file; <paramref name="name"/> names it in messages (default: its file name).</summary>
    public static AccountConfigurationSource FromFile(string path, string? name = null) =>
        new(path ?? throw new ArgumentNullException(nameof(path)), name ?? System.IO.Path.GetFileName(path), null);

    public static AccountConfigurationSource FromConfiguration(AccountConfiguration configuration, string name = "configuration") =>
        new(null, name, configuration ?? throw new ArgumentNullException(nameof(configuration)));

    /// <summary>The configuration of <paramref name="account"/>; <see cref="AccountConfigurationException"/> when the file is missing or broken.</summary>
    public AccountConfiguration Load(string account) => Configuration ?? AccountConfiguration.Load(Path!, Name, account);
}

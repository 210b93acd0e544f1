using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports.Accounts;

namespace EvidenceCatalog.Server.Reports;

/// <summary>
/// A folder of per-account files, <c>DIR/ACCOUNT.json</c> — access snapshots (<c>--access-dir</c>), account
/// configurations (<c>--accounts-dir</c>) — and the one rule for which file is whose, so that one tenant's file is never
/// read for another.
/// </summary>
public static class AccountDirectory
{
    /// <summary>What an account may be to name a file, for messages.</summary>
    public const string FileNameRule = "letters, digits, '.', '-' and '_' only, not starting with '.'";

    /// <summary><c>DIR/ACCOUNT.json</c>, or null when the account cannot name a file (see <see cref="FileNameRule"/>).</summary>
    public static string? FileOf(string directory, string account)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(account);
        return CanNameFile(account) ? Path.Combine(directory, account + ".json") : null;
    }

    /// <summary>
    /// Reads every account configuration of <paramref name="directory"/> as a report would, so that a broken one stops a
    /// server at start rather than degrading reports later.
    /// </summary>
    /// <returns>The accounts configured, in ordinal order.</returns>
    /// <exception cref="AccountConfigurationException">A file is not a valid account configuration, or its name cannot be an account.</exception>
    public static IReadOnlyList<string> CheckConfigurations(string directory, CatalogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var accounts = new List<string>();
        foreach (string path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            string file = Path.GetFileName(path);
            string account = Path.GetFileNameWithoutExtension(path);
            if (!CanNameFile(account))
            {
                throw new AccountConfigurationException($"account configuration {file}: '{account}' cannot be an account ({FileNameRule}); rename or remove the file");
            }

            AccountPolicies.Resolve(model, account, AccountConfiguration.Load(path, file, account), file);
            accounts.Add(account);
        }

        return accounts;
    }

    private static bool CanNameFile(string account)
    {
        if (account.Length == 0 || account[0] == '.')
        {
            return false;
        }

        foreach (char c in account)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}

using System;
using System.IO;

namespace EvidenceCatalog.Cli.Caching;

/// <summary>
/// Where the <c>evidence</c> process keeps what only makes later runs faster (start-up profiles, compiled catalogs): a
/// folder of the user's cache, which an environment variable moves or turns off.
/// </summary>
internal static class UserCache
{
    /// <summary>
    /// The folder <paramref name="name"/>: <paramref name="setting"/> (the variable's value) when given, else
    /// <c>$XDG_CACHE_HOME/evidence/NAME</c> or <c>~/.cache/evidence/NAME</c>; null when the setting is <c>off</c> or
    /// <c>0</c>, or there is no home.
    /// </summary>
    public static string? Folder(string? setting, string name)
    {
        if (string.Equals(setting, "off", StringComparison.OrdinalIgnoreCase) || setting == "0")
        {
            return null;
        }

        if (!string.IsNullOrEmpty(setting))
        {
            return Path.GetFullPath(setting);
        }

        string? cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache) || !Path.IsPathRooted(cache))
        {
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            cache = Path.Combine(home, ".cache");
        }

        return Path.Combine(cache, "evidence", name);
    }
}

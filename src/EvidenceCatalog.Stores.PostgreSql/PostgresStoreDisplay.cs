using System;
using System.ComponentModel;
using System.Data.Common;
using System.Linq;
using System.Reflection;
using System.Text;
using Npgsql;

namespace EvidenceCatalog.Stores.PostgreSql;

/// <summary>
/// How a PostgreSQL store is named wherever it is shown (messages, logs, <c>/readyz</c>, the inputs of signed reports):
/// rebuilt from the parsed connection string with every secret keyword removed — never the text as typed, whose quoting
/// (<c>Password="x""y;z"</c>, <c>pwd='a;b'</c>) no pattern over the text can follow as the parser does.
/// </summary>
internal static class PostgresStoreDisplay
{
    /// <summary>
    /// The keywords whose values are secrets or say where secrets are: those Npgsql marks as password text, and the
    /// SSL key's password and the password file, which it does not mark.
    /// </summary>
    private static readonly string[] SecretKeywords = typeof(NpgsqlConnectionStringBuilder).GetProperties()
        .Where(p => p.GetCustomAttribute<PasswordPropertyTextAttribute>()?.Password == true)
        .Select(p => p.GetCustomAttribute<DisplayNameAttribute>()?.DisplayName ?? p.Name)
        .Concat(["Password", "SSL Password", "Passfile"])
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .ToArray();

    /// <summary><paramref name="prefix"/> and the connection string of <paramref name="parsed"/> without its secrets, with the schema when one was given.</summary>
    public static string Of(string prefix, NpgsqlConnectionStringBuilder parsed, string? schema)
    {
        var shown = new NpgsqlConnectionStringBuilder(parsed.ConnectionString);
        foreach (string keyword in SecretKeywords)
        {
            shown.Remove(keyword);
        }

        var text = new StringBuilder(shown.ConnectionString);
        if (schema is not null)
        {
            DbConnectionStringBuilder.AppendKeyValuePair(text, "Schema", schema);
        }

        return prefix + text;
    }

    /// <summary>
    /// A URL (<c>postgres://user:password@host/db?password=…</c>) without its password or query (which may hold one);
    /// only the prefix when it does not parse.
    /// </summary>
    public static string OfUrl(string prefix, string value)
    {
        if (!Uri.TryCreate("postgres:" + value, UriKind.Absolute, out var url))
        {
            return prefix + "//…";
        }

        string user = url.UserInfo.Split(':')[0];
        return prefix + "//" + (user.Length > 0 ? user + "@" : string.Empty) + url.Authority + url.AbsolutePath + (url.Query.Length > 0 ? "?…" : string.Empty);
    }
}

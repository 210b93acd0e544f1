using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Reports.Accounts;
using EvidenceCatalog.Runtime.Reports.Sections;
using EvidenceCatalog.Runtime.Sources;
using EvidenceCatalog.Runtime.Signing;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Server.Security;
using EvidenceCatalog.Stores.PostgreSql;
using EvidenceCatalog.Stores.Sqlite;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>Parsing and failure rules the runtime commands share.</summary>
internal static class CommandOptions
{
    /// <summary>A date option: a real calendar date written YYYY-MM-DD.</summary>
    public static CalendarDate? ParseDate(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (CalendarDate.TryParse(text, out var date))
        {
            return date;
        }

        string name = result.Parent is OptionResult option ? option.Option.Name : "the date";
        result.AddError($"{name} must be a real calendar date written YYYY-MM-DD (e.g. 2026-11-23), not '{text}'.");
        return null;
    }

    /// <summary>The kinds of event store the tool can use: the SQLite and PostgreSQL provider packages.</summary>
    public static readonly EventStoreProviders StoreProviders = new(SqliteStoreProvider.Instance, PostgresStoreProvider.Instance);

    /// <summary>What <c>--store</c> accepts, for option descriptions.</summary>
    public const string StoreLocationHelp =
        "a SQLite file (PATH or sqlite:PATH) or postgres:CONNECTION-STRING (Npgsql keywords, e.g. postgres:Host=db;Username=evidence;Database=evidence, optionally ;Schema=NAME)";

    /// <summary>A <c>--store</c> value: relative SQLite paths are resolved against the working directory.</summary>
    /// <exception cref="EventStoreException">The value is not a store location.</exception>
    public static EventStoreLocation StoreLocation(CommandContext context, string spec, int batchSize = EventStoreLocationOptions.DefaultBatchSize) =>
        StoreProviders.Parse(spec, new EventStoreLocationOptions { BaseDirectory = context.WorkingDirectory, Clock = context.Clock, BatchSize = batchSize });

    public static string FullPath(CommandContext context, string path) => path == "-" ? path : Path.GetFullPath(path, context.WorkingDirectory);

    /// <summary>The output option of every command that writes a file: <c>--output</c>, <c>-o</c>, and the older <c>--out</c>.</summary>
    public static Option<string?> Output(string description) => new("--output", "-o", "--out")
    {
        Description = description,
        HelpName = "file",
    };

    /// <summary>The quarantine file at <paramref name="path"/>, appended to, its run marked with the time and the inputs.</summary>
    public static QuarantineFile Quarantine(CommandContext context, string path, IReadOnlyList<JsonLinesInput> inputs)
    {
        string full = FullPath(context, path);
        return new QuarantineFile(full, JsonLinesInput.NameOf(full, context.WorkingDirectory), context.Clock.GetUtcNow(), inputs.Select(i => i.Name).ToArray());
    }

    /// <summary>
    /// An account configuration given on the command line, read and checked now: a file the user names must be usable
    /// (<see cref="AccountConfigurationException"/> otherwise), not a degraded section.
    /// </summary>
    public static AccountConfigurationSource AccountConfiguration(CommandContext context, string path, string account, CatalogModel model)
    {
        string full = FullPath(context, path);
        string name = JsonLinesInput.NameOf(full, context.WorkingDirectory);
        if (!File.Exists(full))
        {
            throw new CommandInputException($"account configuration '{path}' does not exist");
        }

        var configuration = Runtime.Reports.Accounts.AccountConfiguration.Load(full, name, account);
        AccountPolicies.Resolve(model, account, configuration, name);
        return AccountConfigurationSource.FromConfiguration(configuration, name);
    }

    /// <summary>A control id given on the command line: one of the catalogs' controls, else a usage error with the closest id.</summary>
    public static void RequireControl(CatalogModel model, string id)
    {
        if (!model.Controls.Any(c => string.Equals(c.Id, id, StringComparison.Ordinal)))
        {
            throw new CommandInputException(
                $"--control: there is no control '{id}' in the catalogs" + EvidenceCatalog.Compiler.Diagnostics.NameSuggestion.For(id, model.Controls.Select(c => c.Id)));
        }
    }

    /// <summary>An access snapshot file given on the command line: it must exist (a missing one is a mistake, not a degraded section).</summary>
    public static AccessSnapshotSource AccessSnapshot(CommandContext context, string path)
    {
        string full = FullPath(context, path);
        return File.Exists(full)
            ? AccessSnapshotSource.FromFile(full, JsonLinesInput.NameOf(full, context.WorkingDirectory))
            : throw new CommandInputException($"access snapshot '{path}' does not exist");
    }
}

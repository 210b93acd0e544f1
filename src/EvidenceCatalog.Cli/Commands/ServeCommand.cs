using System;
using System.CommandLine;
using System.IO;
using EvidenceCatalog.Model;
using EvidenceCatalog.Server;
using EvidenceCatalog.Server.Reports;
using EvidenceCatalog.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence serve --store SPEC --tokens FILE (--sign-key PEM | --hmac-key-file FILE | --hmac-key-env VAR)
/// [--urls URL] [--access-dir DIR] [--accounts-dir DIR] [--redis CONFIG] [--max-body-mb MIB] [--max-body-seconds S]
/// [--max-concurrent-ingestions N] [--max-concurrent-ingestions-per-account N] [--spool-dir DIR]</c>: the evidence HTTP
/// service, until stopped (Ctrl+C, SIGTERM).
/// Exit 2 with one line when it cannot start.
/// </summary>
internal sealed class ServeCommand : Command
{
    private readonly CommandContext context;
    private readonly CatalogOption catalogs = new();
    private readonly SigningOptions signing = new();

    private readonly Option<string> store = new("--store")
    {
        Description = "The event store: sqlite:PATH (created on the first ingestion) or postgres:CONNECTION-STRING (after 'evidence store init').",
        HelpName = "spec",
        Required = true,
    };

    private readonly Option<string> tokens = new("--tokens")
    {
        Description = "The API token file (hashes only; 'evidence token add' makes tokens). Tokens are never given on the command line.",
        HelpName = "file",
        Required = true,
    };

    private readonly Option<string> urls = new("--urls")
    {
        Description = "Where to listen (default http://127.0.0.1:5080; ';' between several).",
        HelpName = "url",
        DefaultValueFactory = _ => "http://127.0.0.1:5080",
    };

    private readonly Option<string?> accessDirectory = new("--access-dir")
    {
        Description = "Folder of access snapshots, one per account (ACCOUNT.json), for the access review.",
        HelpName = "dir",
    };

    private readonly Option<string?> accountsDirectory = new("--accounts-dir")
    {
        Description = "Folder of account configurations, one per account (ACCOUNT.json): name, frameworks, PII detection, data categories, retention; the policies catalog is the default where one is silent.",
        HelpName = "dir",
    };

    private readonly Option<string?> redis = new("--redis")
    {
        Description = "Share the report cache in Redis (a StackExchange.Redis configuration such as 127.0.0.1:6379); default in process.",
        HelpName = "config",
    };

    private readonly Option<double> sectionTimeout = new("--section-timeout")
    {
        Description = "Seconds each report section may take before it is returned degraded (default 5).",
        HelpName = "seconds",
        DefaultValueFactory = _ => 5,
    };

    private readonly Option<int> maxBody = new("--max-body-mb")
    {
        Description = "Largest POST /api/events body in MiB; larger ones are refused with 413 (default 32).",
        HelpName = "mib",
        DefaultValueFactory = _ => 32,
    };

    private readonly Option<double> maxBodySeconds = new("--max-body-seconds")
    {
        Description = "Seconds a POST /api/events body may take to arrive; a slower one is refused with 408 and nothing of it kept (default 60).",
        HelpName = "seconds",
        DefaultValueFactory = _ => 60,
    };

    private readonly Option<int> maxIngestions = new("--max-concurrent-ingestions")
    {
        Description = "Event ingestions under way at once, all accounts together; beyond it 503 with Retry-After (default 16).",
        HelpName = "count",
        DefaultValueFactory = _ => 16,
    };

    private readonly Option<int> maxAccountIngestions = new("--max-concurrent-ingestions-per-account")
    {
        Description = "Event ingestions under way at once for one account; beyond it 429 with Retry-After (default 4).",
        HelpName = "count",
        DefaultValueFactory = _ => 4,
    };

    private readonly Option<string?> spoolDirectory = new("--spool-dir")
    {
        Description = "Folder where event bodies are set aside while they arrive, before they are stored (default the system's temporary folder).",
        HelpName = "dir",
    };

    public ServeCommand(CommandContext context)
        : base("serve", "Serve signed evidence reports and event ingestion over HTTP (GET /api/soc2-evidence, GET /api/soc2-evidence/package, POST /api/events).")
    {
        this.context = context;
        Options.Add(store);
        Options.Add(tokens);
        Options.Add(urls);
        Options.Add(accessDirectory);
        Options.Add(accountsDirectory);
        Options.Add(redis);
        Options.Add(sectionTimeout);
        Options.Add(maxBody);
        Options.Add(maxBodySeconds);
        Options.Add(maxIngestions);
        Options.Add(maxAccountIngestions);
        Options.Add(spoolDirectory);
        signing.AddTo(this, verifying: false);
        catalogs.AddTo(this);
        SetAction(parseResult => catalogs.Run(context, parseResult, catalog => Serve(parseResult, catalog)));
    }

    private int Serve(ParseResult parseResult, LoadedCatalog loaded)
    {
        var catalog = loaded.Catalog;
        double seconds = parseResult.GetValue(sectionTimeout);
        int mebibytes = parseResult.GetValue(maxBody);
        if (!(seconds > 0 && seconds <= 600) || mebibytes < 1 || mebibytes > 4096)
        {
            throw new CommandInputException("--section-timeout must be between 0 and 600 seconds and --max-body-mb between 1 and 4096");
        }

        double bodySeconds = parseResult.GetValue(maxBodySeconds);
        int ingestions = parseResult.GetValue(maxIngestions);
        int accountIngestions = parseResult.GetValue(maxAccountIngestions);
        if (!(bodySeconds > 0 && bodySeconds <= 86_400) || ingestions < 1 || ingestions > 1024 || accountIngestions < 1 || accountIngestions > 1024)
        {
            throw new CommandInputException(
                "--max-body-seconds must be between 0 and 86400, and --max-concurrent-ingestions and --max-concurrent-ingestions-per-account between 1 and 1024");
        }

        string? spool = parseResult.GetValue(spoolDirectory) is { } spoolDir ? CommandOptions.FullPath(context, spoolDir) : null;
        if (spool is not null && !Directory.Exists(spool))
        {
            throw new CommandInputException($"the spool folder '{spool}' does not exist");
        }

        string? access = parseResult.GetValue(accessDirectory) is { } dir ? CommandOptions.FullPath(context, dir) : null;
        if (access is not null && !Directory.Exists(access))
        {
            throw new CommandInputException($"the access folder '{access}' does not exist");
        }

        string? accounts = parseResult.GetValue(accountsDirectory) is { } folder ? CommandOptions.FullPath(context, folder) : null;
        if (accounts is not null)
        {
            if (!Directory.Exists(accounts))
            {
                throw new CommandInputException($"the accounts folder '{accounts}' does not exist");
            }

            // Every file is read now, so a broken one stops the start instead of degrading reports later.
            AccountDirectory.CheckConfigurations(accounts, catalog.Model);
        }

        var tokenFile = ApiTokenFile.Load(CommandOptions.FullPath(context, parseResult.GetValue(tokens)!), catalog.Model);

        var keys = signing.LoadSigningKeys(context, parseResult);
        if (keys.Count == 0)
        {
            throw new CommandInputException("the server signs every report: give a key (--sign-key PEM, --hmac-key-file FILE or --hmac-key-env VARIABLE)");
        }

        // One request, one transaction: a body refused midway (413) leaves nothing behind.
        using var location = CommandOptions.StoreLocation(context, parseResult.GetValue(store)!, batchSize: int.MaxValue);
        var options = new ServerOptions
        {
            Catalog = catalog,
            CatalogSource = loaded.Source,
            Store = location,
            Tokens = tokenFile,
            SigningKeys = keys,
            AccessDirectory = access,
            AccountsDirectory = accounts,
            Redis = parseResult.GetValue(redis),
            SectionTimeout = TimeSpan.FromSeconds(seconds),
            MaxEventsBodyBytes = (long)mebibytes << 20,
            MaxBodyTime = TimeSpan.FromSeconds(bodySeconds),
            MaxConcurrentIngestions = ingestions,
            MaxConcurrentIngestionsPerAccount = accountIngestions,
            SpoolDirectory = spool,
        };
        string listen = parseResult.GetValue(urls)!;
        var app = EvidenceServer.Create(options, builder => builder.WebHost.UseUrls(listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        context.Error.WriteLine(
            $"evidence: serving {listen} from {location.Display} ({tokenFile.Tokens.Count} token(s), catalog {catalog.Fingerprint[..Math.Min(19, catalog.Fingerprint.Length)]}); "
            + string.Join(", ", EvidenceServer.Routes) + "; Ctrl+C stops");
        try
        {
            app.Run();
        }
        catch (IOException exception)
        {
            throw new CommandInputException($"cannot listen on {listen}: {exception.Message}");
        }

        return ExitCodes.Success;
    }
}

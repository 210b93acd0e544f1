using System;
using System.Threading.Tasks;
using EvidenceCatalog.LoadTest;

const string Usage = """
    usage: evidence-loadtest MODE --token-file FILE [options]   (against a running 'evidence serve')

    modes:
      reports    GET /api/soc2-evidence (the full report) at a fixed open-loop rate, from a warm cache
      sections   the same, rotating over the single sections (?section=NAME)
      ingest     POST /api/events: JSON Lines bodies of --chunk events from --events FILE, --concurrency at a time

    every mode:
      --url URL            the server (default http://127.0.0.1:5080)
      --token-file FILE    file holding the bearer token (reports/sections: audit:read; ingest: evidence:ingest)
      --account ID         the token's account (default northwind-cloud)
      --connections N      most connections to the server (default 64)
      --timeout S          seconds one request may take before it counts as failed (default 10; ingest 60)
      --max-seconds S      hard limit on the whole measured run; unfinished requests then count as failed
                           (default: duration + warm-up + 30 for reports/sections, 300 for ingest)
      --server-pid PID     also print the CPU time the server process used during the measured run

    reports, sections:
      --rate N             requests started per second, on a fixed timetable (default 1000)
      --duration S         measured seconds (default 20): rate x duration requests
      --warmup S           unmeasured seconds at the same rate first, after each key was built once (default 3)
      --from, --to DATE    the report window (default the 90 days up to yesterday, UTC, fixed at start)
      --sections A,B       sections mode: the sections (default all, as the server lists them)
      --min-hit F          fail when fewer than this share of measured responses were X-Cache: hit (default 0.99)

    ingest:
      --events FILE        JSON Lines of the account's events (evidence generate-events --org ACCOUNT), unique ids
      --chunk N            events per request (default 10000)
      --total N            events to send, from the start of the file (default 2000000)
      --concurrency N      requests in flight (default 4)

    Prints one result table; exit 0 when every request succeeded, 1 when any failed (non-2xx, exception,
    timeout, rejected events, too few cache hits), 2 on bad usage.
    """;

try
{
    var options = LoadOptions.Parse(args);
    return options.Mode switch
    {
        "reports" or "sections" => await ReportLoad.RunAsync(options).ConfigureAwait(false),
        _ => await IngestLoad.RunAsync(options).ConfigureAwait(false),
    };
}
catch (UsageException exception)
{
    Console.Error.WriteLine("evidence-loadtest: " + exception.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (LoadTestException exception)
{
    Console.Error.WriteLine("evidence-loadtest: " + exception.Message);
    return 1;
}

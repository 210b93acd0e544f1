using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Aggregation;
using EvidenceCatalog.Runtime.Events;
using EvidenceCatalog.Runtime.Mapping;
using EvidenceCatalog.Runtime.Reports;
using EvidenceCatalog.Runtime.Stores;
using EvidenceCatalog.Stores.Sqlite;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EvidenceCatalog.Benchmarks.Runtime;

/// <summary>
/// An experiment for <c>evidence report --store</c>: the store's pushed-down aggregation (<see cref="SqliteEventStore.FillTally"/>:
/// GROUP BY day/type/outcome over a join with the days, GROUP BY actor, the sample query, two counts) against one ordered
/// pass over the covering index <c>events_by_time</c> through the native statement API, every row handed to an
/// <see cref="EvidenceTally"/> as the stream reader would hand it (UTF-8 spans, no string per row). The pass
/// leaves the id out (not in the index), so its samples are not the report's: it times the counts and actors, and checks
/// that its counts equal the pushdown's. Window and account as in bench/runtime-end-to-end.sh; each variant runs twice.
/// </summary>
internal static class StoreScan
{
    private const string ScanSql =
        "SELECT time, type, outcome, actor FROM events WHERE account = ?1 AND time >= ?2 AND time < ?3 ORDER BY time";

    public static int Run(string path)
    {
        var catalog = LargeReport.SampleCatalog();
        EvidenceTally? pushed = null;
        EvidenceTally? scanned = null;
        for (int pass = 1; pass <= 2; pass++)
        {
            pushed = NewTally(catalog);
            Measure($"FillTally (pushdown, as report --store) #{pass}", pushed, () =>
            {
                using var store = SqliteEventStore.Open(path);
                store.FillTally(pushed, new IngestionCounter());
            });

            scanned = NewTally(catalog);
            Measure($"one pass over events_by_time into the tally #{pass}", scanned, () => Scan(path, scanned));
        }

        int differences = 0;
        for (int cell = 0; cell < pushed!.Vocabulary.CellCount; cell++)
        {
            for (int day = 0; day < pushed.Window.TotalDays; day++)
            {
                differences += pushed.Count(cell, day) == scanned!.Count(cell, day) ? 0 : 1;
            }
        }

        Console.WriteLine(differences == 0 && pushed.Actors.Count == scanned!.Actors.Count
            ? "counts per cell and day, and the number of actors: the same"
            : $"DIFFERENT: {differences} (cell, day) counts differ; actors {pushed.Actors.Count} vs {scanned!.Actors.Count}");
        return differences == 0 ? 0 : 1;
    }

    private static void Scan(string path, EvidenceTally tally)
    {
        var vocabulary = tally.Vocabulary;
        byte[] account = Encoding.UTF8.GetBytes(tally.Account);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size = -262144";
            pragma.ExecuteNonQuery();
        }

        Check(raw.sqlite3_prepare_v2(connection.Handle, ScanSql, out var statement));
        using (statement)
        {
            Check(raw.sqlite3_bind_text(statement, 1, account));
            Check(raw.sqlite3_bind_int64(statement, 2, tally.Window.DayStartUtc(0).UtcTicks));
            Check(raw.sqlite3_bind_int64(statement, 3, tally.Window.EndUtc.UtcTicks));
            long line = 0;
            int result;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                int type = vocabulary.FindType(raw.sqlite3_column_blob(statement, 1));
                int cell = type < 0 ? -1
                    : raw.sqlite3_column_type(statement, 2) == raw.SQLITE_NULL ? vocabulary.CellWithoutOutcome(type)
                    : vocabulary.FindCell(type, raw.sqlite3_column_blob(statement, 2));
                if (cell < 0)
                {
                    continue;
                }

                var record = new EventRecord
                {
                    Line = ++line,
                    Account = account,
                    Actor = raw.sqlite3_column_blob(statement, 3),
                    Type = type,
                    Cell = cell,
                    UtcTicks = raw.sqlite3_column_int64(statement, 0),
                };
                tally.Accept(in record);
            }

            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }
        }
    }

    private static EvidenceTally NewTally(IEvidenceCatalog catalog) => new(
        new EventVocabulary(catalog),
        new ReportWindow(new CalendarDate(2026, 1, 1), new CalendarDate(2026, 4, 10), TimeZoneInfo.Utc),
        LargeReport.Account,
        sampleSize: 5);

    private static void Measure(string what, EvidenceTally tally, Action run)
    {
        var clock = Stopwatch.StartNew();
        run();
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-55} {seconds,7:F3} s  {tally.Classified.InWindow / seconds,12:N0} events in the window/s"));
    }

    private static void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new InvalidOperationException("SQLite error " + result.ToString(CultureInfo.InvariantCulture));
        }
    }
}

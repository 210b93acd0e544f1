using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using EvidenceCatalog.Model;
using EvidenceCatalog.Synthetic;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence generate-events --days N --per-day N --seed N --org ID</c>: deterministic synthetic audit events for the
/// catalogs, as JSON Lines, ending yesterday unless <c>--start</c> says otherwise.
/// </summary>
internal sealed class GenerateEventsCommand : Command
{
    // Large writes go straight to the file: the generator already fills a 1 MiB buffer.
    private const int FileBufferSize = 0;

    private readonly CommandContext context;

    private readonly Option<int> days = new("--days")
    {
        Description = "How many days of events, gap days included.",
        HelpName = "n",
        DefaultValueFactory = _ => 120,
    };

    private readonly Option<int> perDay = new("--per-day")
    {
        Description = "Events on each day that is not a gap.",
        HelpName = "n",
        DefaultValueFactory = _ => 1000,
    };

    private readonly Option<ulong> seed = new("--seed")
    {
        Description = "Everything random follows from the seed: the same options give the same bytes.",
        HelpName = "n",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<string?> org = new("--org")
    {
        Description = "The account of every event (default: the organisation id of the policies catalog).",
        HelpName = "id",
    };

    private readonly Option<CalendarDate?> start = new("--start")
    {
        Description = "First day, YYYY-MM-DD (default: today, UTC, minus --days, so the run ends yesterday).",
        HelpName = "date",
        CustomParser = CommandOptions.ParseDate,
    };

    private readonly Option<int> gapDays = new("--gap-days")
    {
        Description = "Days left without events, picked from the seed away from the first and last day.",
        HelpName = "n",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<CalendarDate[]> gapDates = new("--gap-dates")
    {
        Description = "Days left without events, as YYYY-MM-DD separated by commas.",
        HelpName = "dates",
        CustomParser = ParseDates,
    };

    private readonly Option<SilentDay[]> silent = new("--silent")
    {
        Description = "Days on which a control gets no evidence while the day keeps its events, as CONTROL@YYYY-MM-DD separated by commas (IAM-01@2026-03-05).",
        HelpName = "control@date",
        CustomParser = ParseSilentDays,
    };

    private readonly Option<string?> output = CommandOptions.Output("The JSON Lines file to write (default, or -: standard output).");

    private readonly CatalogOption catalogs = new();

    public GenerateEventsCommand(CommandContext context)
        : base("generate-events", "Write deterministic synthetic audit events for the catalogs as JSON Lines.")
    {
        this.context = context;
        Options.Add(days);
        Options.Add(perDay);
        Options.Add(seed);
        Options.Add(org);
        Options.Add(start);
        Options.Add(gapDays);
        Options.Add(gapDates);
        Options.Add(silent);
        Options.Add(output);
        catalogs.AddTo(this);
        days.Validators.Add(r => InRange(r, 1, SyntheticEventOptions.MaxDays, "--days"));
        perDay.Validators.Add(r => InRange(r, 1, SyntheticEventOptions.MaxPerDay, "--per-day"));
        gapDays.Validators.Add(r => InRange(r, 0, SyntheticEventOptions.MaxDays, "--gap-days"));
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult) => catalogs.Run(context, parseResult, catalog => Generate(parseResult, catalog));

    private int Generate(ParseResult parseResult, LoadedCatalog loaded)
    {
        var catalog = loaded.Catalog;
        var options = Resolve(parseResult, catalog.Model);
        var generator = new SyntheticEventGenerator(catalog.Model, options);
        string? path = parseResult.GetValue(output) is { } given && given != "-" ? given : null;
        var summary = path is null ? WriteToStandardOutput(generator) : WriteToFile(generator, path);

        // The summary never mixes with the events: on stderr when they go to stdout.
        var summaryWriter = path is null ? context.Error : context.Output;
        summaryWriter.WriteLine(SummaryLine(summary, options.SilentDays, path ?? "standard output"));
        return ExitCodes.Success;
    }

    /// <summary>The generator's options from the command line, the catalog and the clock; a usage error for what cannot run.</summary>
    private SyntheticEventOptions Resolve(ParseResult parseResult, CatalogModel model)
    {
        int dayCount = parseResult.GetValue(days);
        string account = parseResult.GetValue(org) ?? model.Policies?.Organization.Id
            ?? throw new CommandInputException("the catalogs declare no organisation: give the account with --org ID");
        var options = new SyntheticEventOptions
        {
            Account = account,
            Start = parseResult.GetValue(start) ?? DaysBeforeToday(dayCount),
            Days = dayCount,
            PerDay = parseResult.GetValue(perDay),
            Seed = parseResult.GetValue(seed),
            GapDates = (parseResult.GetValue(gapDates) ?? []).ToEquatableArray(),
            SilentDays = (parseResult.GetValue(silent) ?? []).ToEquatableArray(),
        };

        if (SyntheticEventGenerator.FindProblem(model, options) is { } problem)
        {
            throw new CommandInputException(problem);
        }

        int gapCount = parseResult.GetValue(gapDays);
        int candidates = options.GapDayCandidates();
        if (gapCount > candidates)
        {
            throw new CommandInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"--gap-days {gapCount}: only {candidates} of the {dayCount} days can be gaps (never the first or last day, nor one of --gap-dates)"));
        }

        return options.WithGapDays(gapCount);
    }

    private CalendarDate DaysBeforeToday(int dayCount)
    {
        var today = new DateOnly(context.Today.Year, context.Today.Month, context.Today.Day);
        if (today.DayNumber - dayCount < DateOnly.MinValue.DayNumber)
        {
            throw new CommandInputException("--days reaches back before 0001-01-01: give --start");
        }

        var first = today.AddDays(-dayCount);
        return new CalendarDate(first.Year, first.Month, first.Day);
    }

    private SyntheticEventSummary WriteToFile(SyntheticEventGenerator generator, string path)
    {
        string fullPath = Path.GetFullPath(path, context.WorkingDirectory);
        try
        {
            if (Path.GetDirectoryName(fullPath) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            using var file = new FileStream(fullPath, FileMode.Create, FileAccess.Write, FileShare.Read, FileBufferSize);
            return generator.Write(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandInputException("cannot write '" + path + "': " + EvidenceCli.OneLine(exception.Message), exception);
        }
    }

    private SyntheticEventSummary WriteToStandardOutput(SyntheticEventGenerator generator)
    {
        // The process's own stdout takes the bytes as they are; a writer given by a host (tests) gets them decoded.
        if (ReferenceEquals(context.Output, Console.Out))
        {
            return generator.Write(Console.OpenStandardOutput());
        }

        using var adapter = new TextWriterStream(context.Output);
        return generator.Write(adapter);
    }

    private static string SummaryLine(SyntheticEventSummary summary, EquatableArray<SilentDay> silentDays, string destination)
    {
        int gaps = summary.GapDates.Count;
        string silent = silentDays.Count == 0 ? string.Empty : ", silent: " + string.Join(", ", silentDays.Select(d => d.Control + "@" + d.Date));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"wrote {summary.Events} events ({summary.Days} days × {summary.PerDay}/day, {gaps} gap {(gaps == 1 ? "day" : "days")}{silent}) to {destination}");
    }

    private static void InRange(OptionResult result, int minimum, int maximum, string name)
    {
        // A value that is not a number is the parser's to report; asking for it would throw.
        if (result.Tokens.Count > 0 && !int.TryParse(result.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return;
        }

        int value = result.GetValueOrDefault<int>();
        if (value < minimum || value > maximum)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be from {minimum} to {maximum}, not {value}."));
        }
    }

    private static CalendarDate[] ParseDates(ArgumentResult result)
    {
        var dates = new List<CalendarDate>();
        foreach (var token in result.Tokens)
        {
            foreach (string text in token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!CalendarDate.TryParse(text, out var date))
                {
                    result.AddError("--gap-dates takes real calendar dates written YYYY-MM-DD, separated by commas, not '" + text + "'.");
                    return [];
                }

                dates.Add(date);
            }
        }

        return [.. dates];
    }

    private static SilentDay[] ParseSilentDays(ArgumentResult result)
    {
        var days = new List<SilentDay>();
        foreach (var token in result.Tokens)
        {
            foreach (string text in token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int at = text.IndexOf('@', StringComparison.Ordinal);
                if (at <= 0 || !CalendarDate.TryParse(text[(at + 1)..], out var date))
                {
                    result.AddError("--silent takes CONTROL@YYYY-MM-DD (IAM-01@2026-03-05), separated by commas, not '" + text + "'.");
                    return [];
                }

                days.Add(new SilentDay(text[..at], date));
            }
        }

        return [.. days];
    }

    /// <summary>A write-only stream that decodes UTF-8 into a <see cref="TextWriter"/>, keeping a character split across writes.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        private char[] chars = [];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            int needed = decoder.GetCharCount(buffer, flush: false);
            if (chars.Length < needed)
            {
                chars = new char[needed];
            }

            int decoded = decoder.GetChars(buffer, chars, flush: false);
            writer.Write(chars, 0, decoded);
        }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

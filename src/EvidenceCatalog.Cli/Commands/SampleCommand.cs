using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Input;
using EvidenceCatalog.Runtime.Sampling;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>The report's samples: <c>evidence sample verify</c> draws them again from the population.</summary>
internal sealed class SampleCommand : Command
{
    public SampleCommand(CommandContext context)
        : base("sample", "Check a report's samples against the population they were drawn from.")
    {
        Subcommands.Add(new VerifyCommand(context));
    }

    /// <summary>
    /// <c>evidence sample verify REPORT EVENTS...</c>: recomputes every control's sample from the events and says whether
    /// each is the report's. Exit 0 when all match, 1 on any mismatch (naming the controls), 2 when the report or the
    /// events cannot be used.
    /// </summary>
    private sealed class VerifyCommand : Command
    {
        private readonly CommandContext context;
        private readonly CatalogOption catalogs = new();

        private readonly Argument<string> report = new("report")
        {
            Description = "The evidence report (JSON, format 1.1.0 or later) whose samples are checked.",
        };

        private readonly Argument<string[]> events = new("events")
        {
            Description = "The events the report was built from (JSON Lines or a log source's files; gzip recognised; - for standard input).",
            Arity = ArgumentArity.OneOrMore,
        };

        public VerifyCommand(CommandContext context)
            : base("verify", "Draw each control's sample again from the events and compare it with the report's (seed, population digest, events).")
        {
            this.context = context;
            Arguments.Add(report);
            Arguments.Add(events);
            catalogs.AddTo(this);
            SetAction(parseResult => catalogs.Run(context, parseResult, catalog => Verify(parseResult, catalog)));
        }

        private int Verify(ParseResult parseResult, LoadedCatalog catalog)
        {
            string given = parseResult.GetValue(report)!;
            string path = CommandOptions.FullPath(context, given);
            if (!File.Exists(path))
            {
                throw new CommandInputException(Directory.Exists(path) ? $"'{given}' is a directory, not a report" : $"report '{given}' does not exist");
            }

            var inputs = EventInputs.Resolve(context, parseResult.GetValue(events)!);
            SampleVerification result;
            try
            {
                result = SampleVerifier.VerifyAsync(catalog.Catalog, File.ReadAllBytes(path), new JsonLinesSource(inputs)).GetAwaiter().GetResult();
            }
            catch (SampleVerificationException exception)
            {
                throw new CommandInputException($"{given}: {exception.Message}");
            }

            foreach (var check in result.Controls)
            {
                context.Output.WriteLine(check.Matches ? $"match     {check.Control}" : $"MISMATCH  {check.Control}: {check.Difference}");
            }

            var ingestion = result.Ingestion;
            context.Output.WriteLine(
                $"{result.Controls.Count(c => c.Matches)} of {result.Controls.Count} samples match ({result.Method}), recomputed from {ingestion.Read} records read, "
                + $"{ingestion.InWindow} events of {result.Account} in the window; the report's signature is not checked here (evidence verify)");
            var damaged = ReportSourceOptions.Damaged(ingestion).ToList();
            foreach (string problem in damaged)
            {
                context.Error.WriteLine("evidence: " + problem + "; the population read may be incomplete");
            }

            var mismatched = result.Controls.Where(c => !c.Matches).Select(c => c.Control).ToList();
            if (mismatched.Count > 0)
            {
                context.Error.WriteLine($"evidence: the samples of {string.Join(", ", mismatched)} do not match the population given");
                return ExitCodes.Failed;
            }

            return ExitCodes.Success;
        }
    }
}

using System.CommandLine;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Cli.Input;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Jobs;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence sources list</c> (the log sources of the catalogs) and <c>evidence sources coverage --source ID FILE...</c>
/// (what evidence a source's files give, and what they do not).
/// </summary>
internal sealed class SourcesCommand : Command
{
    public SourcesCommand(CommandContext context)
        : base("sources", "The log sources of the catalogs (CloudTrail, Okta, ...): list them, or see what evidence their files give.")
    {
        Subcommands.Add(new ListCommand(context));
        Subcommands.Add(new CoverageCommand(context));
    }

    /// <summary><c>evidence sources list [--format text|json]</c>: each source's id, name, containers, recognition and rule count.</summary>
    private sealed class ListCommand : Command
    {
        private readonly CommandContext context;
        private readonly CatalogOption catalogs = new();

        private readonly Option<string> format = new Option<string>("--format")
        {
            Description = "text: a table. json: the same, for scripts.",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "json");

        public ListCommand(CommandContext context)
            : base("list", "List the log sources of the catalogs: id, name, containers, what each record must have, rule count.")
        {
            this.context = context;
            Options.Add(format);
            catalogs.AddTo(this);
            SetAction(parseResult => catalogs.Run(context, parseResult, catalog => List(parseResult, catalog.Catalog.Model)));
        }

        private int List(ParseResult parseResult, CatalogModel model)
        {
            if (parseResult.GetValue(format) == "json")
            {
                JsonOutput.Write(context.Output, json =>
                {
                    json.WriteStartArray();
                    foreach (var source in model.Sources)
                    {
                        json.WriteStartObject();
                        json.WriteString("id", source.Id);
                        json.WriteString("name", source.Name);
                        json.WriteStartArray("containers");
                        foreach (string container in LogSourceDescription.Containers(source))
                        {
                            json.WriteStringValue(container);
                        }

                        json.WriteEndArray();
                        json.WriteString("recognize", LogSourceDescription.Conditions(source.Recognize));
                        json.WriteNumber("rules", source.Rules.Count);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                });
                return ExitCodes.Success;
            }

            if (model.Sources.Count == 0)
            {
                context.Output.WriteLine("The catalogs declare no log source: add a sources catalog (docs/sources.md) to read CloudTrail, Okta, GitHub, ... files.");
                return ExitCodes.Success;
            }

            string[] header = ["ID", "NAME", "CONTAINERS", "RULES", "RECOGNISED BY"];
            var rows = model.Sources
                .Select(s => new[]
                {
                    s.Id, s.Name, string.Join(", ", LogSourceDescription.Containers(s)), s.Rules.Count.ToString(CultureInfo.InvariantCulture),
                    LogSourceDescription.Conditions(s.Recognize),
                })
                .Prepend(header)
                .ToList();
            TextTable.Write(context.Output, rows, rightAligned: [3]);
            context.Output.WriteLine();
            context.Output.WriteLine($"--source also takes '{LogSourceIds.Native}' (the product's own evidence events, the default) and '{LogSourceIds.Auto}' (each file's source recognised from its first records).");
            return ExitCodes.Success;
        }
    }

    /// <summary>
    /// <c>evidence sources coverage --source ID FILE... [--format text|json|markdown] [--top N]</c>: reads the files
    /// through their sources (nothing is stored) and tells, per native event name, what it maps to and what that is
    /// evidence for; the unmapped names and rejection reasons; the criteria the files give evidence for and those they
    /// give none for. Exit 0 when every file was read whole; 1 when one was damaged (the coverage shown is of what was
    /// read); 2 when a file or source cannot be used.
    /// </summary>
    private sealed class CoverageCommand : Command
    {
        private readonly CommandContext context;
        private readonly CatalogOption catalogs = new();
        private readonly SourceOption sources = new("FILE", required: true);

        private readonly Argument<string[]> files = new("files")
        {
            Description = "The log source's files (gzip recognised; - for standard input), read as streams.",
            Arity = ArgumentArity.OneOrMore,
        };

        private readonly Option<string> format = new Option<string>("--format")
        {
            Description = "text: for reading. json: for scripts. markdown: for a pull request or a wiki page.",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "json", "markdown");

        private readonly Option<int> top = new("--top")
        {
            Description = "How many native names (mapped and unmapped) and rejection reasons each list shows; the rest are counted together. 0: all.",
            HelpName = "n",
            DefaultValueFactory = _ => 10,
        };

        public CoverageCommand(CommandContext context)
            : base("coverage", "What evidence a log source's files give (per native event name: event type, outcome, controls, criteria) and what they do not.")
        {
            this.context = context;
            sources.AddTo(this);
            Arguments.Add(files);
            Options.Add(format);
            Options.Add(top);
            catalogs.AddTo(this);
            Validators.Add(result =>
            {
                if (result.GetValue(top) < 0)
                {
                    result.AddError("--top must be 0 (all) or more");
                }
            });
            SetAction(parseResult => catalogs.Run(context, parseResult, catalog => Coverage(parseResult, catalog)));
        }

        private int Coverage(ParseResult parseResult, LoadedCatalog catalog)
        {
            var inputs = sources.Resolve(context, parseResult, parseResult.GetValue(files)!, catalog);
            if (inputs.FirstOrDefault(i => i.Source is null) is { } native)
            {
                throw new CommandInputException(
                    $"'{native.Input.Name}' holds the product's own evidence events (--source {LogSourceIds.Native}), which have no native event names to cover; give a log source's files, or see their evidence with 'evidence report --events'");
            }

            var job = new SourceCoverageJob(catalog.Catalog) { Clock = context.Clock };
            Runtime.Coverage.SourceCoverage? coverage = null;
            ReadProgress.Run(context, "reading", EventInputs.TotalSize(inputs.Select(i => i.Input).ToArray()), advance =>
                coverage = job.RunAsync(new MappedJsonSource(inputs) { Progress = advance }).GetAwaiter().GetResult());
            var view = new CoverageView(coverage!, catalog.Catalog.Model, parseResult.GetValue(top));
            switch (parseResult.GetValue(format))
            {
                case "json":
                    CoverageJson.Write(context.Output, view);
                    break;
                case "markdown":
                    CoverageMarkdown.Write(context.Output, view);
                    break;
                default:
                    CoverageText.Write(context.Output, view);
                    break;
            }

            var damaged = coverage!.Sources.SelectMany(s => s.Inputs).Where(i => i.Provenance.Damaged is not null).ToArray();
            if (damaged.Length == 0)
            {
                return ExitCodes.Success;
            }

            context.Error.WriteLine("evidence: the coverage is of what could be read: " + string.Join("; ", damaged.Select(i => $"{i.Provenance.Name} is damaged ({i.Provenance.Damaged})")));
            return ExitCodes.Failed;
        }
    }
}

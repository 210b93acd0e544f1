using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using EvidenceCatalog.Cli.Input;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Sources;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>--source ID</c>, given once for every file or once for all: what each input holds. The i-th <c>--source</c> goes
/// with the i-th file; a single one goes with every file; any other count is a usage error that says how to pair them.
/// <c>native</c> (and no <c>--source</c> at all) is the product's own evidence events; <c>auto</c> recognises each
/// file's source from its first records.
/// </summary>
internal sealed class SourceOption
{
    private readonly Option<string[]> option;
    private readonly string files;

    /// <param name="files">How the command's files are given, for messages: <c>FILE</c>, <c>--events FILE</c>.</param>
    /// <param name="required">Whether a <c>--source</c> must be given (coverage: evidence events have no native names).</param>
    public SourceOption(string files, bool required = false)
    {
        this.files = files;
        option = new Option<string[]>("--source")
        {
            Description = "What the files hold, once per file in the same order or once for all: a source id of the sources catalogs (see 'evidence sources list'), "
                + (required ? string.Empty : "native (the product's own evidence events, the default), ")
                + "or auto (recognised from each file's first records).",
            HelpName = "id",
            Arity = required ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore,
            Required = required,
        };
    }

    public void AddTo(Command command) => command.Options.Add(option);

    /// <summary>The names given, in order (empty: none).</summary>
    public IReadOnlyList<string> Names(ParseResult parseResult) => parseResult.GetValue(option) ?? [];

    /// <inheritdoc cref="Names(ParseResult)"/>
    public IReadOnlyList<string> Names(System.CommandLine.Parsing.CommandResult result) => result.GetValue(option) ?? [];

    /// <summary>
    /// The files with their sources, by the pairing rule; a file named <c>-</c> is standard input. The files are checked
    /// to exist before anything is recognised, and <c>auto</c> reads each file's first records now.
    /// </summary>
    /// <exception cref="CommandInputException">The counts do not pair, a file does not exist, or standard input is to be recognised.</exception>
    /// <exception cref="LogSourceChoiceException">An unknown source, or a file <c>auto</c> cannot tell the source of.</exception>
    public IReadOnlyList<MappedInput> Resolve(CommandContext context, ParseResult parseResult, IReadOnlyList<string> names, LoadedCatalog catalog)
    {
        var sources = Names(parseResult);
        if (sources.Count > 1 && sources.Count != names.Count)
        {
            throw new CommandInputException(
                $"{sources.Count} --source for {names.Count} file(s): give one --source per file, in the order of the files (the first --source is the first {files}'s, and so on), or a single --source for every file");
        }

        var chooser = new LogSourceChooser(catalog.Catalog.Model);

        // Every name is checked before any file is read, so a typo is reported at once.
        foreach (string source in sources.Distinct())
        {
            if (source != LogSourceIds.Auto)
            {
                chooser.Find(source);
            }
        }

        var inputs = EventInputs.Resolve(context, names);
        return inputs.Select((input, i) =>
        {
            string source = sources.Count == 0 ? LogSourceIds.Native : sources[sources.Count == 1 ? 0 : i];
            if (source == LogSourceIds.Auto && input.Name == "-")
            {
                throw new CommandInputException("--source auto cannot recognise standard input, which is read once: name its source with --source ID");
            }

            return chooser.Choose(input, source);
        }).ToArray();
    }
}

using System;
using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using EvidenceCatalog.Cli.Input;
using EvidenceCatalog.Cli.Output;
using EvidenceCatalog.Compiler;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Model;
using EvidenceCatalog.Compiler.Schema;

namespace EvidenceCatalog.Cli.Commands;

/// <summary><c>evidence validate [paths...]</c>: compiles the catalogs and reports every diagnostic; exit 1 on any error.</summary>
internal sealed class ValidateCommand : Command
{
    private const string DefaultPath = "catalogs";

    private readonly CommandContext context;

    private readonly Argument<string[]> paths = new("paths")
    {
        Description = "Catalog files, or directories searched recursively for *.yaml and *.yml.",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [DefaultPath],
    };

    private readonly Option<string?> schemas = new("--schemas")
    {
        Description = "Directory of JSON Schemas (*.json) to validate against, instead of the schemas shipped with the tool.",
        HelpName = "dir",
    };

    private readonly Option<CalendarDate?> asOf = new("--as-of")
    {
        Description = "Date that review deadlines are judged against, as YYYY-MM-DD. Default: today (UTC).",
        HelpName = "date",
        CustomParser = CommandOptions.ParseDate,
    };

    private readonly Option<bool> strict = new("--strict")
    {
        Description = "Treat warnings as errors.",
    };

    private readonly Option<string> format = new Option<string>("--format")
    {
        Description = "How to report diagnostics: text (MSBuild lines), github (workflow annotations), sarif (SARIF 2.1.0), json, or junit (JUnit XML, a test case per file).",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "github", "sarif", "json", "junit");

    private readonly Option<string?> output = CommandOptions.Output("Write the report to this file instead of standard output (the summary line still goes to standard output).");

    public ValidateCommand(CommandContext context)
        : base("validate", "Validate catalogs against their schemas and check every reference across files.")
    {
        this.context = context;
        Arguments.Add(paths);
        Options.Add(schemas);
        Options.Add(asOf);
        Options.Add(strict);
        Options.Add(format);
        Options.Add(output);
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult)
    {
        var report = Validate(parseResult);
        WriteReport(report, ParseFormat(parseResult.GetValue(format)), parseResult.GetValue(output));
        return report.HasErrors ? ExitCodes.Failed : ExitCodes.Success;
    }

    private ValidationReport Validate(ParseResult parseResult)
    {
        var options = new CompilerOptions
        {
            AsOf = parseResult.GetValue(asOf) ?? context.Today,
            Strict = parseResult.GetValue(strict),
        };

        string[] requested = parseResult.GetValue(paths) is { Length: > 0 } given ? given : [DefaultPath];
        var catalogFiles = CatalogFileDiscovery.FindCatalogs(requested, context.WorkingDirectory);
        var (schemaSet, schemaReadDiagnostics) = LoadSchemas(parseResult.GetValue(schemas), options);

        var catalogs = SourceFileReader.Read(catalogFiles.Files, options.Limits);
        var result = CatalogCompiler.Compile(catalogs.Files, schemaSet, options, catalogFiles.Refused.Concat(catalogs.Diagnostics));
        return new ValidationReport(catalogFiles.Files.Length, schemaReadDiagnostics.Concat(result.Diagnostics))
        {
            Files = [.. catalogFiles.Files.Select(f => f.DisplayPath)],
        };
    }

    private (SchemaSet Schemas, ImmutableArray<CatalogDiagnostic> ReadDiagnostics) LoadSchemas(string? directory, CompilerOptions options)
    {
        if (directory is null)
        {
            return (SchemaSet.Embedded, []);
        }

        var schemaFiles = CatalogFileDiscovery.FindSchemas(directory, context.WorkingDirectory);
        var decoded = SourceFileReader.Read(schemaFiles.Files, options.Limits);
        return (SchemaSet.Load(decoded.Files), [.. schemaFiles.Refused, .. decoded.Diagnostics]);
    }

    private void WriteReport(ValidationReport report, OutputFormat outputFormat, string? outputPath)
    {
        IReportFormatter formatter = outputFormat switch
        {
            OutputFormat.GitHub => new GitHubAnnotationFormatter(),
            OutputFormat.Sarif => new SarifLogWriter(),
            OutputFormat.Json => new JsonDiagnosticWriter(),
            OutputFormat.JUnit => new JUnitReportWriter(context.Clock.GetUtcNow()),
            _ => new TextDiagnosticFormatter(),
        };

        TextReportFile.Write(context, outputPath, writer => formatter.Write(report, writer), SummaryLine.For(report));
    }

    private static OutputFormat ParseFormat(string? name) => name switch
    {
        "github" => OutputFormat.GitHub,
        "sarif" => OutputFormat.Sarif,
        "json" => OutputFormat.Json,
        "junit" => OutputFormat.JUnit,
        _ => OutputFormat.Text,
    };
}

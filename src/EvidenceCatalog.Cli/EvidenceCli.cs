using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using EvidenceCatalog.Cli.Caching;
using EvidenceCatalog.Cli.Commands;
using EvidenceCatalog.Cli.Output;

namespace EvidenceCatalog.Cli;

/// <summary>The <c>evidence</c> command line, runnable in process: parse, run one command, map every failure to an exit code.</summary>
public static class EvidenceCli
{
    /// <summary>Runs the command line against the process's current directory and clock.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, Environment.CurrentDirectory);

    /// <summary>Runs the command line with relative paths resolved against <paramref name="workingDirectory"/>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory) =>
        Run(args, stdout, stderr, workingDirectory, TimeProvider.System);

    /// <summary>Runs the command line; <paramref name="clock"/> gives the default as-of date (the compiler itself never reads a clock).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory, TimeProvider clock) =>
        Run(args, stdout, stderr, workingDirectory, clock, catalogCache: null);

    /// <summary>
    /// Runs the command line as the <c>evidence</c> process does; <paramref name="catalogCache"/> is the folder where the
    /// runtime commands keep the models of catalogs that compiled (null: compile every time).
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory, TimeProvider clock, string? catalogCache)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(workingDirectory);
        ArgumentNullException.ThrowIfNull(clock);

        try
        {
            var context = new CommandContext(Path.GetFullPath(workingDirectory), stdout, stderr, clock)
            {
                IsTerminal = TerminalConsole.IsTerminal(stdout, stderr),
                CatalogCache = catalogCache is null ? null : new CompiledCatalogCache(catalogCache),
            };
            var root = new RootCommand("EvidenceCatalog: checks SOC 2 catalogs and turns audit events into signed evidence reports.")
            {
                new InitCommand(context),
                new ValidateCommand(context),
                new DiffCommand(context),
                new VerifyCommand(context),
                new GenerateEventsCommand(context),
                new IngestCommand(context),
                new StoreCommand(context),
                new ReportCommand(context),
                new PackageCommand(context),
                new OscalCommand(context),
                new DemoCommand(context),
                new ServeCommand(context),
                new TokenCommand(context),
                new AccessCommand(context),
                new SourcesCommand(context),
                new SampleCommand(context),
            };

            ParseResult parseResult = root.Parse(args);
            if (parseResult.Action is ParseErrorAction)
            {
                // System.CommandLine exits 1 on a parse error; 1 means "the catalogs have errors" here, so report usage errors ourselves.
                foreach (var error in parseResult.Errors)
                {
                    stderr.WriteLine("evidence: " + OneLine(error.Message));
                }

                stderr.WriteLine("Try 'evidence " + HelpTarget(parseResult) + "--help' for usage.");
                return ExitCodes.UsageOrInputError;
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception exception) when (CommandFailures.IsInputProblem(exception))
        {
            stderr.WriteLine("evidence: " + CommandFailures.Describe(exception));
            return ExitCodes.UsageOrInputError;
        }
        catch (Exception exception)
        {
            // A bug, not bad input: said as such, in one line (the stack trace with EVIDENCE_DEBUG=1).
            stderr.WriteLine($"evidence: internal error ({exception.GetType().Name}): {OneLine(exception.Message)}; this is a bug in evidence, please report it with the command that caused it");
            if (Environment.GetEnvironmentVariable("EVIDENCE_DEBUG") == "1")
            {
                stderr.WriteLine(exception);
            }

            return ExitCodes.InternalError;
        }
    }

    /// <summary>Messages from exceptions and the parser may span lines; the CLI promises one line per problem.</summary>
    internal static string OneLine(string message) =>
        string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string HelpTarget(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        return command is RootCommand ? string.Empty : command.Name + " ";
    }
}

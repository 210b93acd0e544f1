using System.CommandLine;
using EvidenceCatalog.Runtime.Stores;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence store init --store LOCATION</c>: creates an event store's schema (a SQLite file, or the tables of a
/// PostgreSQL schema) or migrates it to this build's version. Exit 0 with one line saying what was done; 2 with one
/// line when the store cannot be used (unreachable, not an event store, newer than this build).
/// </summary>
internal sealed class StoreCommand : Command
{
    public StoreCommand(CommandContext context)
        : base("store", "Manage event stores (SQLite files and PostgreSQL schemas).")
    {
        Subcommands.Add(new InitCommand(context));
    }

    private sealed class InitCommand : Command
    {
        private readonly CommandContext context;

        private readonly Option<string> store = new("--store")
        {
            Description = "The event store to create or migrate: " + CommandOptions.StoreLocationHelp + ".",
            HelpName = "location",
            Required = true,
        };

        public InitCommand(CommandContext context)
            : base("init", "Create an event store's schema, or migrate it to this version; running it again changes nothing.")
        {
            this.context = context;
            Options.Add(store);
            SetAction(Execute);
        }

        private int Execute(ParseResult parseResult)
        {
            try
            {
                using var location = CommandOptions.StoreLocation(context, parseResult.GetValue(store)!);
                context.Output.WriteLine($"event store {location.Display}: {location.Initialize()}");
                return ExitCodes.Success;
            }
            catch (EventStoreException exception)
            {
                context.Error.WriteLine("evidence: " + CommandFailures.Describe(exception));
                return ExitCodes.UsageOrInputError;
            }
        }
    }
}

using System;
using EvidenceCatalog.Cli.Commands;
using Spectre.Console;

namespace EvidenceCatalog.Cli.Output;

/// <summary>A live progress bar over bytes read, on standard error, when it is a terminal; nothing otherwise.</summary>
internal static class ReadProgress
{
    public static void Run(CommandContext context, string label, long totalBytes, Action<Action<long>> work)
    {
        if (!context.IsTerminal || totalBytes <= 0)
        {
            work(_ => { });
            return;
        }

        TerminalConsole.Create(context.Error, interactive: true)
            .Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(label, maxValue: totalBytes);
                work(bytes => task.Increment(bytes));
            });
    }
}
